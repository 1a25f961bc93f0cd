'use server';

import { cookies } from 'next/headers';
import { isLocale, localeCookie } from './config';

/** Switches the interface language; open to everyone, it only sets a preference cookie. */
export async function setLocale(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  (await cookies()).set(localeCookie, locale, {
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
    httpOnly: true,
    secure: process.env.APP_URL?.startsWith('https://') ?? false,
  });
}
