'use server';

// The staff login and the passkey enrolment: open to anyone, because the WebAuthn answer (checked against
// a stored single-use challenge) or the one-time enrolment token is what proves the caller.

import { requestMeta } from '@/lib/http/request-meta';
import { completeEnrolment, enrolmentOptions, loginStaffWithPasskey, staffLoginOptions } from '@/lib/staff/passkey';
import { setStaffCookie } from '@/lib/staff/session';

export async function staffLoginOptionsAction() {
  return staffLoginOptions();
}

export async function staffLoginAction(response: unknown): Promise<{ ok: boolean; error?: 'invalid' | 'rate_limited' }> {
  const result = await loginStaffWithPasskey(response, await requestMeta());
  if (!result.ok) return { ok: false, error: result.error };
  await setStaffCookie(result.token);
  return { ok: true };
}

export async function enrolmentOptionsAction(token: unknown) {
  return typeof token === 'string' ? enrolmentOptions(token) : null;
}

export async function completeEnrolmentAction(token: unknown, response: unknown): Promise<{ ok: boolean }> {
  if (typeof token !== 'string') return { ok: false };
  return { ok: await completeEnrolment(token, response, await requestMeta()) };
}
