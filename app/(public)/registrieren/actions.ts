'use server';

import type { RegistrationState } from '@/components/identity/RegistrationForm';
import { requestMeta } from '@/lib/http/request-meta';
import { registerMember } from '@/lib/identity/registration';

/**
 * Public by nature (whoever registers has no session yet): registerMember checks the insurer's
 * record, rate-limits and audits. Returns catalogue keys; the form translates them.
 */
export async function register(values: unknown): Promise<RegistrationState> {
  const result = await registerMember(values, await requestMeta());
  if (result.ok) return { status: 'done', email: result.email };
  if (result.error === 'rate_limited') {
    return { status: 'error', message: 'rate_limited', retryAt: new Date(Date.now() + result.retryAfterSeconds * 1000).toISOString() };
  }
  return { status: 'error', message: result.error, errors: result.fieldErrors };
}
