'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { NewPasswordState } from '@/components/auth/NewPasswordForm';
import { completePasswordReset, RESET_TOKEN_COOKIE } from '@/lib/auth/recovery';
import { requestMeta } from '@/lib/http/request-meta';

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/** The new password: the link's token is the caller's credential, checked (with the identification) by completePasswordReset. */
export async function newPasswordAction(_previous: NewPasswordState, formData: FormData): Promise<NewPasswordState> {
  const t = await getTranslations('auth.recovery.reset');
  const result = await completePasswordReset(text(formData, 'token'), { newPassword: text(formData, 'newPassword'), confirmPassword: text(formData, 'confirmPassword') }, await requestMeta());
  if (result.ok) {
    (await cookies()).delete({ name: RESET_TOKEN_COOKIE, path: '/passwort-neu' });
    redirect('/login?reason=password_reset');
  }
  if (result.error === 'invalid_input') return { status: 'error', message: t('errors.invalid_input'), errors: result.errors };
  if (result.error === 'not_identified') return { status: 'error', message: t('errors.not_identified') };
  return { status: 'error', message: t(`states.${result.error}`) };
}
