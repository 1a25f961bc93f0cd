'use client';

import { startTransition, useActionState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import type { ForgotPasswordInput } from '@/lib/auth/schema';
import { lazyZodResolver } from '@/lib/forms/lazy-resolver';

const forgotPasswordResolver = lazyZodResolver(() => import('@/lib/auth/schema').then((m) => m.forgotPasswordSchema));

export type ForgotPasswordState = { status: 'idle' | 'sent' | 'error'; message?: string; errors?: Partial<Record<keyof ForgotPasswordInput, string[]>> };

/** "Passwort vergessen?": the KVNR, checked here and again on the server with the same schema. */
export function ForgotPasswordForm({ action }: { action: (state: ForgotPasswordState, formData: FormData) => Promise<ForgotPasswordState> }) {
  const t = useTranslations('auth.recovery.forgot');
  const v = useTranslations('validation');
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ForgotPasswordInput>({ resolver: forgotPasswordResolver, defaultValues: { kvnr: '' } });

  const onSubmit = handleSubmit((values) => {
    const formData = new FormData();
    formData.set('kvnr', values.kvnr);
    startTransition(() => formAction(formData));
  });
  const key = errors.kvnr?.message ?? state.errors?.kvnr?.[0];

  return (
    <form onFocus={forgotPasswordResolver.preload} action={formAction} onSubmit={onSubmit} noValidate className="mt-6 flex flex-col gap-4">
      {state.message && (
<Banner tone={state.status === 'sent' ? 'success' : 'error'}>{state.message}</Banner>
      )}
      <Field
        id="kvnr"
        label={t('kvnr')}
        hint={t('kvnrHint')}
        autoComplete="username"
        autoCapitalize="characters"
        spellCheck={false}
        error={key ? v(key) : undefined}
        {...register('kvnr')}
      />
      <Button type="submit" disabled={pending} aria-disabled={pending || undefined} className="w-full sm:w-fit">
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
