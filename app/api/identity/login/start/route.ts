import { cookies } from 'next/headers';
import { requestMeta } from '@/lib/http/request-meta';
import { startGesundheitsIdLogin } from '@/lib/identity/gesundheitsid-login';
import { seeOther } from '@/lib/identity/http';

/** "Mit GesundheitsID anmelden" (a form POST from the login page): off to the provider. */
export async function POST() {
  const { authorizeUrl, bindingCookie } = await startGesundheitsIdLogin(await requestMeta());
  (await cookies()).set(bindingCookie.name, bindingCookie.value, bindingCookie.options);
  return seeOther(authorizeUrl);
}
