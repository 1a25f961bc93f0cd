import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { prisma } from '@/lib/db';
import { createMember } from '../../helpers/members';
import { controlFlow, nextHeadersMock, requestContext } from './request-context';

vi.mock('next/headers', () => nextHeadersMock);
// The fresh passkey confirmation is WebAuthn in a browser (tests/e2e/admin.spec.ts); here it is granted.
vi.mock('@/lib/staff/passkey', async (original) => ({ ...(await original<typeof import('@/lib/staff/passkey')>()), confirmStaffPasskey: async () => true }));

const { getSession, requireMember } = await import('@/lib/auth/session');
const { impersonationCookieName, startImpersonation, endImpersonationsOfMember } = await import('@/lib/staff/impersonation');
const { endStaffSession, verifyStaffSessionId } = await import('@/lib/staff/session-store');
const { createStaffWithSession } = await import('@/lib/testing/staff');
const { verifyStaffAuditChain } = await import('@/lib/audit/chain');

const meta = { ip: '10.1.2.3', userAgent: 'vitest' };

async function impersonating() {
  const { member } = await createMember();
  const agent = await createStaffWithSession({ name: 'Frau Jansen' });
  const session = (await verifyStaffSessionId(agent.sessionId))!;
  const started = await startImpersonation(session, { memberId: member.id, reason: 'Mitglied findet sein Schreiben nicht', reference: 'TICKET-4711', confirmation: {} }, meta);
  expect(started).toEqual({ ok: true, memberId: member.id });
  const row = await prisma.impersonation.findFirstOrThrow({ where: { memberId: member.id } });
  return { member, agent, row };
}

function request(path: string, method = 'GET', extra: Record<string, string> = {}) {
  requestContext.headers = new Headers({ 'user-agent': 'vitest', 'x-hek-path': path, 'x-hek-method': method, ...extra });
}

async function outcome(run: () => Promise<unknown>) {
  try {
    await run();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code === 'read_only' ? 'read_only' : controlFlow(error);
  }
}

describe('impersonation ("Ansicht als Mitglied")', () => {
  beforeEach(() => requestContext.reset());
  afterEach(() => vi.useRealTimers());

  it('gives the member session read-only, records each page, and tells the member', async () => {
    const { member, row } = await impersonating();
    expect(requestContext.cookies.has(impersonationCookieName())).toBe(true);
    request('/postfach');
    const session = await requireMember();
    expect(session.memberId).toBe(member.id);
    expect(session.impersonation).toMatchObject({ staffName: 'Frau Jansen', reason: 'Mitglied findet sein Schreiben nicht', reference: 'TICKET-4711' });
    expect(await prisma.staffAuditEntry.findFirst({ where: { impersonationId: row.id, action: 'impersonation.page', target: '/postfach' } })).not.toBeNull();
    // The member's part: an AuditEvent by STAFF for the Zugriffsprotokoll, and a notice with an email.
    expect(await prisma.auditEvent.findFirst({ where: { subjectMemberId: member.id, actorType: 'STAFF', action: 'impersonation.started' } })).not.toBeNull();
    expect(await prisma.notification.findFirst({ where: { memberId: member.id, kind: 'staff_access' } })).not.toBeNull();
    expect(await prisma.outboxEmail.count({ where: { memberId: member.id, kind: 'security_notice.staff_access' } })).toBe(1);
  });

  it('refuses and audits server actions, mutating methods, unknown methods and closed pages', async () => {
    const { row } = await impersonating();
    request('/nachrichten/neu', 'POST', { 'next-action': 'abc123' });
    expect(await outcome(() => getSession())).toBe('redirect:/ansicht-als-mitglied/gesperrt');
    request('/api/letters/x', 'DELETE');
    expect(await outcome(() => getSession())).toBe('read_only');
    // Without the method told by proxy.ts nothing counts as a read.
    requestContext.headers = new Headers({ 'x-hek-path': '/postfach' });
    expect(await outcome(() => getSession())).toBe('read_only');
    for (const path of ['/profil/sicherheit', '/smarthealth/befunde', '/profil/gesundheitskarte', '/profil/bank']) {
      request(path);
      expect(await outcome(() => getSession())).toBe('redirect:/ansicht-als-mitglied/gesperrt');
    }
    const refused = await prisma.staffAuditEntry.findMany({ where: { impersonationId: row.id, action: 'impersonation.refused' }, orderBy: { seq: 'asc' } });
    expect(refused.map((e) => e.target)).toEqual(['action /nachrichten/neu', 'DELETE /api/letters/x', 'unknown /postfach', 'GET /profil/sicherheit', 'GET /smarthealth/befunde', 'GET /profil/gesundheitskarte', 'GET /profil/bank']);
    expect(await verifyStaffAuditChain()).toMatchObject({ ok: true });
  });

  it('ends on the next request once its time is up, and sends the staff member back to the console', async () => {
    const { row } = await impersonating();
    request('/');
    expect((await getSession()).status).toBe('active');
    // The limit (IMPERSONATION_MAX_MINUTES, 30 by default) passes.
    vi.useFakeTimers({ now: row.endsAt.getTime() + 1000, toFake: ['Date'] });
    expect(await outcome(() => requireMember())).toBe('redirect:/admin/ansicht/beendet');
    const ended = await prisma.impersonation.findUniqueOrThrow({ where: { id: row.id } });
    expect(ended).toMatchObject({ endedReason: 'expired' });
    expect(await prisma.staffAuditEntry.findFirst({ where: { impersonationId: row.id, action: 'impersonation.ended', reason: 'expired', actorType: 'STAFF' } })).not.toBeNull();
  });

  it('ends with the staff session, and when the member ends it', async () => {
    const first = await impersonating();
    await endStaffSession(first.agent.sessionId, 'logout');
    request('/');
    expect((await getSession()).status).toBe('impersonation_ended');

    requestContext.reset();
    const second = await impersonating();
    expect(await endImpersonationsOfMember(second.member.id, meta)).toBe(1);
    request('/');
    expect((await getSession()).status).toBe('impersonation_ended');
    expect(await prisma.auditEvent.findFirst({ where: { subjectMemberId: second.member.id, action: 'impersonation.ended' } })).not.toBeNull();
  });

  it('refuses a second impersonation from inside one, and staff members\' own accounts', async () => {
    const { agent, member } = await impersonating();
    const session = (await verifyStaffSessionId(agent.sessionId))!;
    expect(await startImpersonation(session, { memberId: member.id, reason: 'Noch einmal ansehen bitte', reference: 'T-1', confirmation: {} }, meta)).toEqual({ ok: false, error: 'nested' });

    requestContext.reset();
    const { member: colleague } = await createMember();
    await createStaffWithSession({ email: colleague.email, name: 'Kollegin' });
    expect(await startImpersonation(session, { memberId: colleague.id, reason: 'Kollegin ansehen bitte', reference: 'T-2', confirmation: {} }, meta)).toEqual({ ok: false, error: 'staff_account' });
  });
});
