'use client';

import { startTransition, useActionState, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { LazyStepUpPrompt } from './LazyStepUpPrompt';
import type { ChangePasswordInput } from '@/lib/security/schema';
import { lazyZodResolver } from '@/lib/forms/lazy-resolver';

const changePasswordResolver = lazyZodResolver(() => import('@/lib/security/schema').then((m) => m.changePasswordSchema));

type FieldName = keyof ChangePasswordInput;
export type ChangePasswordState = { status: 'idle' | 'ok' | 'error' | 'step_up'; message?: string; errors?: Partial<Record<FieldName, string[]>> };

const empty: ChangePasswordInput = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function ChangePasswordForm({ action }: { action: (state: ChangePasswordState, formData: FormData) => Promise<ChangePasswordState> }) {
  const t = useTranslations('security.password');
  const v = useTranslations('security.validation');
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<ChangePasswordInput>({ resolver: changePasswordResolver, defaultValues: empty });

  // The server asked for a step-up: the prompt stays until the member has confirmed, then the form is
  // sent again with what was typed.
  const [confirmedFor, setConfirmedFor] = useState<ChangePasswordState | null>(null);
  const askStepUp = state.status === 'step_up' && confirmedFor !== state;

  useEffect(() => {
    if (state.status === 'ok') reset(empty);
  }, [state, reset]);

  // Checked in the browser first; the server checks again (and against the list of common passwords).
  const onSubmit = handleSubmit((values) => {
    const formData = new FormData();
    for (const [name, value] of Object.entries(values)) formData.set(name, value);
    startTransition(() => formAction(formData));
  });

  const errorFor = (name: FieldName) => {
    const key = errors[name]?.message ?? state.errors?.[name]?.[0];
    return key ? v(key) : undefined;
  };

  // The prompt brings a form of its own, so it stands after this one, never inside it (a submit inside
  // would bubble up to this form and send the change again before the confirmation).
  return (
    <>
    <form onFocus={changePasswordResolver.preload} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {state.message && state.status !== 'step_up' && <Banner tone={state.status === 'ok' ? 'success' : 'error'}>{state.message}</Banner>}
      <Field id="currentPassword" type="password" label={t('current')} autoComplete="current-password" error={errorFor('currentPassword')} {...register('currentPassword')} />
      <Field id="newPassword" type="password" label={t('new')} hint={t('newHint')} autoComplete="new-password" error={errorFor('newPassword')} {...register('newPassword')} />
      <Field id="confirmPassword" type="password" label={t('confirm')} autoComplete="new-password" error={errorFor('confirmPassword')} {...register('confirmPassword')} />
      <Button type="submit" disabled={pending} aria-disabled={pending || undefined} className="w-full sm:w-fit">
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
    {askStepUp && (
      <LazyStepUpPrompt
        onConfirmed={() => {
          setConfirmedFor(state);
          void onSubmit();
        }}
      />
    )}
    </>
  );
}
