'use server';

import { requestMeta } from '@/lib/http/request-meta';
import { reportNotMeByToken } from '@/lib/security/notices';

export type NotMeState = { status: 'idle' | 'done' | 'invalid' };

/** The email's "Das war ich nicht" link: public by design; the single-use token is the authorisation. */
export async function notMeByTokenAction(_previous: NotMeState, formData: FormData): Promise<NotMeState> {
  const token = formData.get('token');
  if (typeof token !== 'string') return { status: 'invalid' };
  return { status: (await reportNotMeByToken(token, await requestMeta())) === 'ok' ? 'done' : 'invalid' };
}
