import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { loadMessages } from './catalogue';
import { defaultLocale, isLocale, localeCookie, portalTimeZone } from './config';

// The portal has no locale in its URLs: German unless the member chose English (remembered in a cookie).
export default getRequestConfig(async () => {
  const stored = (await cookies()).get(localeCookie)?.value;
  const locale = isLocale(stored) ? stored : defaultLocale;
  return { locale, messages: loadMessages(locale), timeZone: portalTimeZone };
});
