'use server';

import { redirect } from 'next/navigation';
import { requestMeta } from '@/lib/http/request-meta';
import { confirmEmailChange } from '@/lib/profile/commands';

/** The confirmation button: the single-use token is the caller's only credential, checked by confirmEmailChange. */
export async function confirmEmailChangeAction(formData: FormData): Promise<void> {
  const token = formData.get('token');
  const result = await confirmEmailChange(typeof token === 'string' ? token : '', await requestMeta());
  redirect(`/email-bestaetigen?result=${result.ok ? 'done' : result.error}`);
}
