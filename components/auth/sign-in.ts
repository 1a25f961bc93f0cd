export type SignInOutcome = { ok: true } | { ok: false; code: string | undefined; minutes: string };

/**
 * Signs in with one of next-auth's credentials providers ('password', 'passkey') through next-auth's
 * REST API, as next-auth/react's signIn(…, { redirect: false }) does, without its 10 kB client: the CSRF
 * token from /api/auth/csrf, then the credentials to /api/auth/callback/<provider>, whose answer names the
 * refusal in the `error` parameter of its URL. A refusal's code is one the caller knows (its catalogue has
 * a text for it) or undefined; a rate limit carries its minutes ("rate_limited:12").
 */
export async function signInWith<Code extends string>(
  provider: 'password' | 'passkey',
  credentials: Record<string, string>,
  known: readonly Code[],
): Promise<SignInOutcome> {
  let error = 'unknown';
  try {
    const csrf = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken: string };
    const answer = await fetch(`/api/auth/callback/${provider}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-auth-return-redirect': '1' },
      body: new URLSearchParams({ ...credentials, csrfToken: csrf.csrfToken, callbackUrl: window.location.href, json: 'true' }),
    });
    const { url } = (await answer.json()) as { url?: string };
    const refused = url ? new URL(url, window.location.href).searchParams.get('error') : 'unknown';
    if (answer.ok && !refused) return { ok: true };
    error = refused ?? 'unknown';
  } catch {
    // A lost connection or an answer that is not next-auth's: "unknown", the catalogue's generic text.
  }
  const [code, minutes] = error.split(':');
  return { ok: false, code: known.find((k) => k === code), minutes: minutes ?? '15' };
}
