'use client';

import { startTransition, useActionState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import type { NewPasswordInput } from '@/lib/auth/schema';
import { lazyZodResolver } from '@/lib/forms/lazy-resolver';

const newPasswordResolver = lazyZodResolver(() => import('@/lib/auth/schema').then((m) => m.newPasswordSchema));

type FieldName = keyof NewPasswordInput;
export type NewPasswordState = { status: 'idle' | 'error'; message?: string; errors?: Partial<Record<FieldName, string[]>> };

/** The new password after a recovery's identification; the link's token goes along in a hidden field. */
export function NewPasswordForm({ token, action }: { token: string; action: (state: NewPasswordState, formData: FormData) => Promise<NewPasswordState> }) {
  const t = useTranslations('auth.recovery.reset');
  const v = useTranslations('validation');
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<NewPasswordInput>({ resolver: newPasswordResolver, defaultValues: { newPassword: '', confirmPassword: '' } });

  // Checked in the browser first; the server checks again, and against the list of common passwords.
  const onSubmit = handleSubmit((values) => {
    const formData = new FormData();
    formData.set('token', token);
    formData.set('newPassword', values.newPassword);
    formData.set('confirmPassword', values.confirmPassword);
    startTransition(() => formAction(formData));
  });
  const errorFor = (name: FieldName) => {
    const key = errors[name]?.message ?? state.errors?.[name]?.[0];
    return key ? v(key) : undefined;
  };

  return (
    <form onFocus={newPasswordResolver.preload} action={formAction} onSubmit={onSubmit} noValidate className="mt-4 flex flex-col gap-4">
      {state.message && <Banner tone="error">{state.message}</Banner>}
      <input type="hidden" name="token" value={token} />
      <Field id="newPassword" type="password" label={t('newPassword')} hint={t('passwordIntro')} autoComplete="new-password" error={errorFor('newPassword')} {...register('newPassword')} />
      <Field id="confirmPassword" type="password" label={t('confirmPassword')} autoComplete="new-password" error={errorFor('confirmPassword')} {...register('confirmPassword')} />
      <Button type="submit" disabled={pending} aria-disabled={pending || undefined} className="w-full sm:w-fit">
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
