import { cookies } from 'next/headers';
import { env } from '@/lib/config/env';
import { RESET_LINK_MINUTES, RESET_TOKEN_COOKIE, startRecoveryIdentification } from '@/lib/auth/recovery';
import { isProviderId } from '@/lib/identity/config';
import { LOGIN_BINDING_COOKIE } from '@/lib/identity/gesundheitsid-login';
import { portalRedirect, seeOther } from '@/lib/identity/http';
import { requestMeta } from '@/lib/http/request-meta';

/**
 * "Identität bestätigen" on a password recovery link (a form POST from /passwort-neu): the link's token
 * is the caller's credential, checked by startRecoveryIdentification; then off to the chosen provider.
 */
export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const token = form?.get('token');
  const provider = form?.get('provider');
  if (typeof token !== 'string' || !isProviderId(provider)) return portalRedirect('/passwort-neu?identified=failed');
  const started = await startRecoveryIdentification(token, provider, await requestMeta());
  if (!started.ok) return portalRedirect(`/passwort-neu?token=${encodeURIComponent(token)}&identified=${started.error}`);
  const jar = await cookies();
  const secure = env().secureCookies;
  const maxAge = RESET_LINK_MINUTES * 60;
  jar.set(LOGIN_BINDING_COOKIE, started.browserBinding, { httpOnly: true, sameSite: 'lax', path: '/api/identity/login', secure, maxAge });
  jar.set(RESET_TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/passwort-neu', secure, maxAge });
  return seeOther(started.authorizeUrl);
}
