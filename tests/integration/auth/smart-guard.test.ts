import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { encode } from 'next-auth/jwt';
import { createSession, sessionCookieName } from '@/lib/auth/session';
import { env } from '@/lib/config/env';
import { createMember } from '@/lib/testing/members';

// "Not smart" answers alike everywhere: every smart route handler and every server action of the (smart)
// route group answers a basic member, and a smart member whose browser is not bound, with a 404 — the
// same as for an id that is not theirs. The endpoints are found on disk, so a new one is walked too.

let cookie: string | undefined;
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === sessionCookieName() && cookie ? { name, value: cookie } : undefined) }),
  headers: async () => new Headers({ 'user-agent': 'vitest' }),
}));

const root = process.cwd();
const meta = { ip: '127.0.0.1', userAgent: 'vitest' };

function files(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full, name);
    return entry.name === name ? [full] : [];
  });
}

/** Route handlers that serve smart features: they call requireSmartMember(). */
const smartRoutes = files(path.join(root, 'app'), 'route.ts').filter((file) => fs.readFileSync(file, 'utf8').includes('requireSmartMember('));
/** Every server action module of the (smart) route group. */
const smartActions = files(path.join(root, 'app', '(member)', '(smart)'), 'actions.ts');

/** Next.js's notFound() throws an error with this digest; a route handler may also answer 404 itself. */
async function status(call: () => Promise<unknown>): Promise<number | string> {
  try {
    const result = await call();
    return result instanceof Response ? result.status : `answered ${JSON.stringify(result)}`;
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;')) return Number(digest.split(';')[1]);
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return `redirect ${digest}`;
    return `threw ${(error as Error).message}`;
  }
}

const someId = () => crypto.randomUUID();

async function loginAs(level: 'BASIC' | 'SMART'): Promise<void> {
  // A fresh session has no bound browser: a smart member without one is not smart in this session.
  const { member } = await createMember({ level });
  const { token } = await createSession(member.id, meta);
  cookie = await encode({ token: { sid: token }, secret: env().authSecret });
}

describe.each([
  ['a basic member', 'BASIC' as const],
  ['a smart member in a browser that is not bound', 'SMART' as const],
])('smart endpoints for %s', (_who, level) => {
  beforeAll(() => loginAs(level));

  it('finds the smart route handlers and actions', () => {
    expect(smartRoutes.length).toBeGreaterThanOrEqual(4);
    expect(smartActions.length).toBeGreaterThanOrEqual(4);
  });

  for (const file of smartRoutes) {
    const route = path.relative(path.join(root, 'app'), path.dirname(file));
    it(`route ${route} answers 404 to every method`, async () => {
      const handlers = (await import(file)) as Record<string, unknown>;
      const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => typeof handlers[m] === 'function');
      expect(methods.length).toBeGreaterThan(0);
      // Every dynamic segment gets a well-formed id, so only the guard can refuse.
      const params = Object.fromEntries([...route.matchAll(/\[(\w+)\]/g)].map((m) => [m[1], someId()]));
      for (const method of methods) {
        const handler = handlers[method] as (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
        const request = new Request(`http://localhost/${route}`, { method });
        expect(await status(() => handler(request, { params: Promise.resolve(params) })), `${method} ${route}`).toBe(404);
      }
    });
  }

  for (const file of smartActions) {
    const actionsFile = path.relative(root, file);
    it(`every action in ${actionsFile} answers 404`, async () => {
      const actions = Object.entries((await import(file)) as Record<string, unknown>).filter(([, value]) => typeof value === 'function');
      expect(actions.length).toBeGreaterThan(0);
      for (const [name, action] of actions) {
        const form = new FormData();
        form.set('letterId', someId());
        form.set('conversationId', someId());
        // Arguments of both shapes: (id, flag) for the buttons, (state, formData) for the forms.
        const call = action as (...args: unknown[]) => Promise<unknown>;
        expect(await status(() => call(someId(), true)), `${name}(id, flag)`).toBe(404);
        expect(await status(() => call({}, form)), `${name}(state, form)`).toBe(404);
      }
    });
  }
});
