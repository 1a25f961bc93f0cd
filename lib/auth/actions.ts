'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { auditEvent } from '@/lib/audit/commands';
import { requestMeta } from '@/lib/http/request-meta';
import { endSession, getSession, sessionCookieName, touchSession } from './session';

async function endOwnSession(reason: 'logout' | 'idle'): Promise<void> {
  const session = await getSession();
  if (session.status === 'active') {
    await endSession(session.sessionId, reason);
    await auditEvent({
      action: reason === 'idle' ? 'auth.session.idle_timeout' : 'auth.logout',
      actor: { type: 'MEMBER', id: session.memberId },
      subjectMemberId: session.memberId,
      meta: await requestMeta(),
      details: { sessionId: session.sessionId },
    });
  }
  (await cookies()).delete(sessionCookieName());
}

/** Ends the session on the server, then forgets the cookie. Works without JavaScript (a plain form). */
export async function logout(): Promise<never> {
  await endOwnSession('logout');
  redirect('/login?reason=loggedout');
}

/** The idle timeout ran out in the browser: end the session now rather than when the server next looks. */
export async function endIdleSession(): Promise<never> {
  await endOwnSession('idle');
  redirect('/login?reason=idle');
}

/**
 * "Angemeldet bleiben" in the idle-timeout warning (WCAG 2.2.1): restarts the idle timeout of the
 * caller's own session. The absolute lifetime of the session stays as it is.
 */
export async function keepSessionAlive(): Promise<{ ok: boolean }> {
  const session = await getSession();
  if (session.status !== 'active') return { ok: false };
  await touchSession(session.sessionId);
  return { ok: true };
}
