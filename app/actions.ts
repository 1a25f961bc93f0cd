'use server';

// The actions of the app shell, used on every page: logout, the idle timeout, the language switch.

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { auditEvent } from '@/lib/audit/commands';
import { requestMeta } from '@/lib/http/request-meta';
import { isLocale, localeCookie } from '@/lib/i18n/config';
import { endSession, getSession, sessionCookieName, touchSession } from '@/lib/auth/session';

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

/** Switches the interface language; open to everyone, it only sets a preference cookie. */
export async function setLocale(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  (await cookies()).set(localeCookie, locale, {
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
    httpOnly: true,
    secure: process.env.APP_URL?.startsWith('https://') ?? false,
  });
}
