import { cookies } from 'next/headers';
import { checkLimit, registerFailure } from '@/lib/auth/rate-limit';
import { requestMeta } from '@/lib/http/request-meta';
import { startGesundheitsIdLogin } from '@/lib/identity/gesundheitsid-login';
import { portalRedirect, seeOther } from '@/lib/identity/http';

// Every start writes a hand-off row before anyone is known: limited per address so the table cannot be flooded.
const STARTS_PER_WINDOW = 30;
const WINDOW_SECONDS = 15 * 60;

/** "Mit GesundheitsID anmelden" (a form POST from the login page): off to the provider. */
export async function POST() {
  const meta = await requestMeta();
  const key = `gid-login-start:ip:${meta.ip ?? 'unknown'}`;
  if ((await checkLimit(key, STARTS_PER_WINDOW)).limited) return portalRedirect('/login?gesundheitsid=rate_limited');
  await registerFailure(key, STARTS_PER_WINDOW, WINDOW_SECONDS);
  const started = await startGesundheitsIdLogin(meta).catch(() => null);
  if (!started) return portalRedirect('/login?gesundheitsid=failed');
  const { authorizeUrl, bindingCookie } = started;
  (await cookies()).set(bindingCookie.name, bindingCookie.value, bindingCookie.options);
  return seeOther(authorizeUrl);
}
