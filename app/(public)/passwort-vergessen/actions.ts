'use server';

import { getTranslations } from 'next-intl/server';
import type { ForgotPasswordState } from '@/components/auth/ForgotPasswordForm';
import { requestPasswordReset } from '@/lib/auth/recovery';
import { requestMeta } from '@/lib/http/request-meta';

/** Public by design (the member cannot log in): requestPasswordReset limits it and answers alike for every KVNR. */
export async function forgotPasswordAction(_previous: ForgotPasswordState, formData: FormData): Promise<ForgotPasswordState> {
  const t = await getTranslations('auth.recovery.forgot');
  const kvnr = formData.get('kvnr');
  const result = await requestPasswordReset({ kvnr: typeof kvnr === 'string' ? kvnr : '' }, await requestMeta());
  if (!result.ok) return { status: 'error', message: t('invalid_input'), errors: result.errors };
  return { status: 'sent', message: t('sent') };
}
