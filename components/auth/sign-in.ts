import type { SignInResponse } from 'next-auth/react';

export type SignInOutcome = { ok: true } | { ok: false; code: string | undefined; minutes: string };

/**
 * Reads next-auth's answer to signIn(…, { redirect: false }). A refusal's code is one the caller knows
 * (its catalogue has a text for it) or undefined; a rate limit carries its minutes ("rate_limited:12").
 */
export function signInOutcome<Code extends string>(result: SignInResponse | null | undefined, known: readonly Code[]): SignInOutcome {
  if (result?.ok && !result.error) return { ok: true };
  const [code, minutes] = (result?.error ?? 'unknown').split(':');
  return { ok: false, code: known.find((k) => k === code), minutes: minutes ?? '15' };
}
