// Sessions for the step-up tests: a real password login, optionally in a bound browser, as the
// portal's request handling sees it (resolveSession), and a caller that confirmed just now.
import crypto from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { loginWithPassword } from '@/lib/auth/login';
import { resolveSession, type ActiveSession } from '@/lib/auth/session';

export const meta = { ip: '198.51.100.77', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' };

/** A caller whose session confirmed a second factor a moment ago: for tests of what the change itself does. */
export function confirmed(memberId: string, sessionId: string = crypto.randomUUID()) {
  return { memberId, sessionId, stepUpAt: new Date(), boundDeviceId: null };
}

/** Logs in with the password and reads the session back as a request would. */
export async function passwordSession(kvnr: string, password: string): Promise<ActiveSession & { cookie: string }> {
  const result = await loginWithPassword({ kvnr, password }, meta);
  if (!result.ok) throw new Error(`login failed: ${result.error}`);
  const cookie = await encode({ token: { sid: result.token }, secret: env().authSecret });
  return { ...(await reread(cookie)), cookie };
}

/** The same session after its browser's key was verified (a bound browser, the second factor). */
export async function inBoundBrowser(session: ActiveSession & { cookie: string }) {
  const device = await prisma.boundDevice.create({
    data: { memberId: session.memberId, name: 'Chrome 131 · Linux', publicKeyJwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' } },
  });
  await prisma.session.update({ where: { id: session.sessionId }, data: { boundDeviceId: device.id } });
  return { ...(await reread(session.cookie)), cookie: session.cookie, deviceId: device.id };
}

export async function reread(cookie: string): Promise<ActiveSession> {
  const session = await resolveSession(cookie);
  if (session.status !== 'active') throw new Error(`expected an active session, got ${session.status}`);
  return session;
}
