'use server';

import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { requireMember, sessionCookieName } from '@/lib/auth/session';
import { requestMeta } from '@/lib/http/request-meta';
import { reportNotMe } from '@/lib/security/notices';

/** "Das war ich nicht" on a notice: ends every session of the member, this one too. */
export async function notMeAction(formData: FormData): Promise<void> {
  const { memberId } = await requireMember();
  const id = formData.get('id');
  if (typeof id !== 'string' || (await reportNotMe(memberId, id, await requestMeta())) === 'not_found') notFound();
  (await cookies()).delete(sessionCookieName());
  redirect('/das-war-ich-nicht?done=1');
}
