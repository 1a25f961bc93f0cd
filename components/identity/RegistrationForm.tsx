'use client';

import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import type { RegistrationInput } from '@/lib/identity/schema';
import { useFieldError } from './useFieldError';
import { lazyZodResolver } from '@/lib/forms/lazy-resolver';

const registrationResolver = lazyZodResolver(() => import('@/lib/identity/schema').then((m) => m.registrationSchema));

export type RegistrationState =
  | { status: 'done'; email: string }
  | { status: 'error'; message: string; errors?: Record<string, string[] | undefined>; retryAt?: string };

const fields = ['firstName', 'lastName', 'kvnr', 'birthDate', 'email', 'password', 'appCommunication'] as const;

export function RegistrationForm({ action }: { action: (values: RegistrationInput) => Promise<RegistrationState> }) {
  const t = useTranslations('identity.registration');
  const format = useFormatter();
  const fieldError = useFieldError();
  const [result, setResult] = useState<RegistrationState | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<RegistrationInput>({
    resolver: registrationResolver,
    defaultValues: { firstName: '', lastName: '', kvnr: '', birthDate: '', email: '', password: '' },
  });

  useEffect(() => {
    if (result?.status === 'done') doneRef.current?.focus();
  }, [result]);

  const onSubmit = handleSubmit(async (values) => {
    setResult(null);
    const answer = await action(values).catch((): RegistrationState => ({ status: 'error', message: 'unknown' }));
    if (answer.status === 'error' && answer.errors) {
      for (const field of fields) {
        const message = answer.errors[field]?.[0];
        if (message) setError(field, { message });
      }
    }
    setResult(answer);
  });

  if (result?.status === 'done') {
    return (
      <div ref={doneRef} tabIndex={-1} className="mt-6 focus:outline-none">
        <Banner tone="success" title={t('done.title')}>
          <p>{t('done.text', { email: result.email })}</p>
          <p className="mt-2">{t('done.next')}</p>
        </Banner>
        <Link href="/login" className="mt-4 inline-block font-semibold text-brand underline underline-offset-4">
          {t('toLogin')}
        </Link>
      </div>
    );
  }

  const formError =
    result?.status === 'error'
      ? result.message === 'rate_limited' && result.retryAt
        ? t('errors.rate_limited', { time: format.dateTime(new Date(result.retryAt), { timeStyle: 'short' }) })
        : t(`errors.${['not_matched', 'already_registered', 'password_common', 'invalid_input', 'too_young'].includes(result.message) ? result.message : 'unknown'}`)
      : null;

  return (
    <form onFocus={registrationResolver.preload} onSubmit={onSubmit} noValidate className="mt-6 flex flex-col gap-4">
      <div aria-live="assertive">{formError && <Banner tone="error">{formError}</Banner>}</div>
      <Field id="firstName" label={t('firstName')} autoComplete="given-name" error={fieldError(errors.firstName?.message)} {...register('firstName')} />
      <Field id="lastName" label={t('lastName')} autoComplete="family-name" error={fieldError(errors.lastName?.message)} {...register('lastName')} />
      <Field
        id="kvnr"
        label={t('kvnr')}
        hint={t('kvnrHint')}
        autoCapitalize="characters"
        spellCheck={false}
        error={fieldError(errors.kvnr?.message)}
        {...register('kvnr')}
      />
      <Field id="birthDate" type="date" label={t('birthDate')} autoComplete="bday" error={fieldError(errors.birthDate?.message)} {...register('birthDate')} />
      <Field id="email" type="email" label={t('email')} hint={t('emailHint')} autoComplete="email" error={fieldError(errors.email?.message)} {...register('email')} />
      <Field
        id="password"
        type="password"
        label={t('password')}
        hint={t('passwordHint')}
        autoComplete="new-password"
        error={fieldError(errors.password?.message)}
        {...register('password')}
      />
      <fieldset className="flex flex-col gap-2" aria-describedby="appCommunication-hint appCommunication-error">
        <legend className="font-semibold text-ink">{t('appCommunication.legend')}</legend>
        <p id="appCommunication-hint" className="text-sm text-ink-muted">
          {t('appCommunication.hint')}
        </p>
        <label className="flex items-start gap-3 rounded-lg border-2 border-surface-line p-3">
          <input type="radio" value="yes" className="mt-0.5 h-5 w-5 shrink-0 accent-brand" {...register('appCommunication')} />
          <span>{t('appCommunication.yes')}</span>
        </label>
        <label className="flex items-start gap-3 rounded-lg border-2 border-surface-line p-3">
          <input type="radio" value="no" className="mt-0.5 h-5 w-5 shrink-0 accent-brand" {...register('appCommunication')} />
          <span>{t('appCommunication.no')}</span>
        </label>
        <p id="appCommunication-error" aria-live="polite" className="text-sm font-medium text-danger">
          {fieldError(errors.appCommunication?.message)}
        </p>
      </fieldset>
      <Button type="submit" disabled={isSubmitting} aria-disabled={isSubmitting} className="mt-2 w-full">
        {isSubmitting ? t('submitting') : t('submit')}
      </Button>
      <p className="text-center">
        {t('haveAccount')}{' '}
        <Link href="/login" className="font-semibold text-brand underline underline-offset-4">
          {t('toLogin')}
        </Link>
      </p>
    </form>
  );
}
