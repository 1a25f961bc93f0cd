import { cookies } from 'next/headers';
import { requestMeta } from '@/lib/http/request-meta';
import { completeGesundheitsIdLogin, LOGIN_BINDING_COOKIE, sessionCookie } from '@/lib/identity/gesundheitsid-login';
import { answerFrom } from '@/lib/identity/handoff';
import { portalRedirect } from '@/lib/identity/http';

/** The GesundheitsID's answer to a login: a session cookie and the Startseite, or the login page with the reason. */
export async function GET(request: Request) {
  const jar = await cookies();
  const binding = jar.get(LOGIN_BINDING_COOKIE)?.value ?? '';
  jar.delete({ name: LOGIN_BINDING_COOKIE, path: '/api/identity/login' });
  const result = await completeGesundheitsIdLogin(answerFrom(new URL(request.url).searchParams), binding, await requestMeta());
  if (!result.ok) return portalRedirect(`/login?gesundheitsid=${result.error}`);
  // A password recovery's identification: back to the link's page (its token is in a cookie there).
  if ('recovery' in result) return portalRedirect(`/passwort-neu?identified=${result.recovery.ok ? 'ok' : result.recovery.error}`);
  const cookie = await sessionCookie(result.token);
  jar.set(cookie.name, cookie.value, cookie.options);
  return portalRedirect('/');
}
