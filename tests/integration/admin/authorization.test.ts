import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { controlFlow, nextHeadersMock, requestContext } from './request-context';

vi.mock('next/headers', () => nextHeadersMock);

const { staffCookieName } = await import('@/lib/staff/session');
const { sessionCookieName, createSession } = await import('@/lib/auth/session');
const { createStaffWithSession } = await import('@/lib/testing/staff');
const { createMember } = await import('../../helpers/members');
const { encode } = await import('next-auth/jwt');
const { env } = await import('@/lib/config/env');

type Role = 'SUPPORT_AGENT' | 'SUPERVISOR' | 'ADMINISTRATOR';

/**
 * Every entry point under app/admin, found on the file system, with the role it needs. A new page, route
 * or actions file that is not listed here fails the test until it is classified, so none goes unchecked.
 */
const ROLE_OF: Record<string, Role | 'public'> = {
  '(public)/actions.ts': 'public',
  '(public)/layout.tsx': 'public',
  '(public)/login/page.tsx': 'public',
  '(public)/registrierung/page.tsx': 'public',
  '(console)/layout.tsx': 'SUPPORT_AGENT',
  '(console)/actions.ts': 'SUPPORT_AGENT',
  '(console)/page.tsx': 'SUPPORT_AGENT',
  '(console)/mitglieder/[id]/page.tsx': 'SUPPORT_AGENT',
  '(console)/mitglieder/[id]/actions.ts': 'SUPPORT_AGENT',
  '(console)/nachrichten/page.tsx': 'SUPPORT_AGENT',
  '(console)/nachrichten/[id]/page.tsx': 'SUPPORT_AGENT',
  '(console)/nachrichten/[id]/actions.ts': 'SUPPORT_AGENT',
  '(console)/post/page.tsx': 'SUPPORT_AGENT',
  '(console)/post/actions.ts': 'SUPPORT_AGENT',
  '(console)/gesundheitskarten/page.tsx': 'SUPPORT_AGENT',
  '(console)/gesundheitskarten/actions.ts': 'SUPPORT_AGENT',
  '(console)/support/page.tsx': 'SUPPORT_AGENT',
  '(console)/support/actions.ts': 'SUPPORT_AGENT',
  '(console)/namensaenderungen/page.tsx': 'SUPPORT_AGENT',
  '(console)/namensaenderungen/actions.ts': 'SUPPORT_AGENT',
  '(console)/namensaenderungen/[id]/dokument/route.ts': 'SUPPORT_AGENT',
  '(console)/ansichten/page.tsx': 'SUPERVISOR',
  '(console)/ansichten/actions.ts': 'SUPERVISOR',
  '(console)/protokoll/page.tsx': 'SUPERVISOR',
  '(console)/mitarbeitende/page.tsx': 'ADMINISTRATOR',
  '(console)/mitarbeitende/actions.ts': 'ADMINISTRATOR',
  'ansicht/beenden/route.ts': 'SUPPORT_AGENT',
  'ansicht/beendet/route.ts': 'public',
};

const adminDir = path.resolve('app/admin');

function entryPoints(dir = adminDir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entryPoints(full);
    return /^(page|layout|route)\.tsx?$|^actions\.ts$/.test(entry.name) ? [path.relative(adminDir, full).split(path.sep).join('/')] : [];
  });
}

const uuid = '00000000-0000-4000-8000-000000000000';

/** Calls every endpoint of a file the way Next would, and returns what each answered. */
async function callAll(file: string): Promise<Record<string, string>> {
  const mod = (await import(path.join(adminDir, file))) as Record<string, unknown>;
  const answers: Record<string, string> = {};
  for (const [name, value] of Object.entries(mod)) {
    if (typeof value !== 'function' || name === 'generateMetadata') continue;
    const fn = value as (...args: unknown[]) => Promise<unknown>;
    const args = file.endsWith('route.ts')
      ? [new Request(`${env().origin}/admin/x`, { method: name, headers: { origin: env().origin } })]
      : file.endsWith('actions.ts')
        ? [{}, new FormData()]
        : [{ params: Promise.resolve({ id: uuid }), searchParams: Promise.resolve({}), children: null }];
    try {
      const result = await fn(...args);
      answers[name] = result instanceof Response ? `status:${result.status}:${result.headers.get('location') ?? ''}` : 'ok';
    } catch (error) {
      answers[name] = controlFlow(error);
    }
  }
  return answers;
}

async function loginAsStaff(role: Role) {
  const { token } = await createStaffWithSession({ role });
  requestContext.cookies.set(staffCookieName(), token);
}

describe('admin authorization', () => {
  beforeEach(() => requestContext.reset());

  it('knows every admin page, route and action file', () => {
    expect(entryPoints().sort()).toEqual(Object.keys(ROLE_OF).sort());
  });

  it('sends a member (with a valid member session, without a staff session) to the staff login everywhere', async () => {
    const { member } = await createMember();
    const { token } = await createSession(member.id, { ip: null, userAgent: 'vitest' });
    requestContext.cookies.set(sessionCookieName(), await encode({ token: { sid: token }, secret: env().authSecret }));
    for (const [file, role] of Object.entries(ROLE_OF)) {
      if (role === 'public') continue;
      const answers = await callAll(file);
      for (const [name, answer] of Object.entries(answers)) {
        const expected = file.endsWith('route.ts') ? `status:303:${env().origin}/admin/login` : 'redirect:/admin/login';
        expect(`${file} ${name} ${answer}`).toBe(`${file} ${name} ${expected}`);
      }
    }
  });

  it('gives a support agent a 404 for every supervisor and administrator page and action', async () => {
    await loginAsStaff('SUPPORT_AGENT');
    for (const [file, role] of Object.entries(ROLE_OF)) {
      if (role !== 'SUPERVISOR' && role !== 'ADMINISTRATOR') continue;
      for (const [name, answer] of Object.entries(await callAll(file))) expect(`${file} ${name} ${answer}`).toBe(`${file} ${name} not_found`);
    }
  });

  it('gives a supervisor a 404 for every administrator page and action', async () => {
    await loginAsStaff('SUPERVISOR');
    for (const [file, role] of Object.entries(ROLE_OF)) {
      if (role !== 'ADMINISTRATOR') continue;
      for (const [name, answer] of Object.entries(await callAll(file))) expect(`${file} ${name} ${answer}`).toBe(`${file} ${name} not_found`);
    }
  });

  it('refuses a disabled staff member and an ended staff session like no session at all', async () => {
    const { prisma } = await import('@/lib/db');
    const { token, staff, sessionId } = await createStaffWithSession({ role: 'ADMINISTRATOR' });
    requestContext.cookies.set(staffCookieName(), token);
    await prisma.staffAccount.update({ where: { id: staff.id }, data: { disabledAt: new Date() } });
    expect((await callAll('(console)/page.tsx')).default).toBe('redirect:/admin/login');
    await prisma.staffAccount.update({ where: { id: staff.id }, data: { disabledAt: null } });
    await prisma.staffSession.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(Date.now() - 3600_000) } });
    expect((await callAll('(console)/page.tsx')).default).toBe('redirect:/admin/login');
  });
});

describe('the public admin endpoints', () => {
  beforeEach(() => requestContext.reset());

  it('do nothing without a valid passkey answer or enrolment token', async () => {
    const actions = await import('@/app/admin/(public)/actions');
    expect(await actions.staffLoginAction({ id: 'x', rawId: 'x', type: 'public-key', response: {} })).toEqual({ ok: false, error: 'invalid' });
    expect(await actions.enrolmentOptionsAction('not-a-token')).toBeNull();
    expect(await actions.completeEnrolmentAction('not-a-token', {})).toEqual({ ok: false });
    expect(requestContext.cookies.has(staffCookieName())).toBe(false);
  });
});
