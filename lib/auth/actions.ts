'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { auditEvent } from '@/lib/audit/commands';
import { requestMeta } from '@/lib/http/request-meta';
import { endSession, getSession, sessionCookieName } from './session';

/** Ends the session on the server, then forgets the cookie. Works without JavaScript (a plain form). */
export async function logout(): Promise<never> {
  const session = await getSession();
  if (session.status === 'active') {
    await endSession(session.sessionId, 'logout');
    await auditEvent({
      action: 'auth.logout',
      actor: { type: 'MEMBER', id: session.memberId },
      subjectMemberId: session.memberId,
      meta: await requestMeta(),
      details: { sessionId: session.sessionId },
    });
  }
  (await cookies()).delete(sessionCookieName());
  redirect('/login?reason=loggedout');
}
