'use server';

import { requestMeta } from '@/lib/http/request-meta';
import { confirmEmail } from '@/lib/identity/registration';

/** The confirmation button: the single-use token is the caller's only credential, checked by confirmEmail. */
export async function confirm(token: string): Promise<'ok' | 'invalid' | 'used' | 'expired'> {
  const result = await confirmEmail(String(token), await requestMeta());
  return result.ok ? 'ok' : result.error;
}
