'use client';

import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useFormatter, useTranslations } from 'next-intl';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import type { SmartSwitchInput } from '@/lib/identity/schema';
import { identificationMethods } from '@/lib/identity/choices';
import { useFieldError } from './useFieldError';
import { lazyZodResolver } from '@/lib/forms/lazy-resolver';

const smartSwitchResolver = lazyZodResolver(() => import('@/lib/identity/schema').then((m) => m.smartSwitchSchema));

export type SmartSwitchState = { message: string; errors?: Record<string, string[] | undefined>; retryAt?: string };

type Method = (typeof identificationMethods)[number];
type Defaults = { firstName: string; lastName: string; kvnr: string; method?: Method };

const fields = ['method', 'privacy', 'firstName', 'lastName', 'kvnr'] as const;
const knownMessages = ['details_mismatch', 'invalid_input'];

/** "Jetzt zu smart wechseln": choose the method (explained as in the FAQ), agree, confirm name and KVNR. */
export function SmartSwitchForm({ defaults, action }: { defaults: Defaults; action: (values: SmartSwitchInput) => Promise<SmartSwitchState> }) {
  const t = useTranslations('identity.smart');
  const format = useFormatter();
  const fieldError = useFieldError();
  const [state, setState] = useState<SmartSwitchState | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting, isSubmitSuccessful },
  } = useForm<SmartSwitchInput>({
    resolver: smartSwitchResolver,
    defaultValues: { method: defaults.method, firstName: defaults.firstName, lastName: defaults.lastName, kvnr: defaults.kvnr },
  });
  const method = useWatch({ control, name: 'method' });

  const onSubmit = handleSubmit(async (values) => {
    setState(null);
    // On success the action redirects to the provider and does not return.
    const answer = await action(values);
    for (const field of fields) {
      const message = answer.errors?.[field]?.[0];
      if (message) setError(field, { message });
    }
    setState(answer);
  });

  const formError = state
    ? state.message === 'rate_limited' && state.retryAt
      ? t('errors.rate_limited', { time: format.dateTime(new Date(state.retryAt), { timeStyle: 'short' }) })
      : t(`errors.${knownMessages.includes(state.message) ? state.message : 'unknown'}`)
    : null;
  const busy = isSubmitting || (isSubmitSuccessful && !state);

  return (
    <form onFocus={smartSwitchResolver.preload} onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      <div aria-live="assertive">{formError && <Banner tone="error">{formError}</Banner>}</div>
      <fieldset className="flex flex-col gap-3" aria-describedby="method-error">
        <legend className="mb-2 text-xl font-semibold text-brand-dark">{t('chooseMethod')}</legend>
        {identificationMethods.map((id) => (
          <label
            key={id}
            className={`flex cursor-pointer gap-3 rounded-card border-2 bg-surface p-4 ${method === id ? 'border-brand' : 'border-surface-line'}`}
          >
            <input type="radio" value={id} className="mt-0.5 h-5 w-5 shrink-0 accent-brand" aria-describedby={`method-${id}-details`} {...register('method')} />
            <span className="flex flex-col gap-2">
              <span className="flex flex-wrap items-center gap-2">
                <span className="text-lg font-semibold">{t(`methods.${id}.title`)}</span>
                <span className="rounded bg-brand-light px-2 py-0.5 text-sm font-semibold text-brand-dark">{t(`methods.${id}.badge`)}</span>
              </span>
              <span id={`method-${id}-details`} className="flex flex-col gap-2">
                <span>{t(`methods.${id}.intro`)}</span>
                <span>
                  <strong>{t('need')}</strong> {t(`methods.${id}.need`)}
                </span>
                <span>
                  <strong>{t('documents')}</strong> {t(`methods.${id}.documents`)}
                </span>
                <span className="font-semibold">{t('steps')}</span>
                <ol className="ml-5 list-decimal">
                  {(['step1', 'step2', 'step3'] as const).map((step) => (
                    <li key={step}>{t(`methods.${id}.${step}`)}</li>
                  ))}
                </ol>
              </span>
            </span>
          </label>
        ))}
        <p id="method-error" aria-live="polite" className="text-sm font-medium text-danger">
          {fieldError(errors.method?.message)}
        </p>
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-xl font-semibold text-brand-dark">{t('yourDetails')}</legend>
        <p className="text-ink-muted">{t('yourDetailsHint')}</p>
        <Field id="firstName" label={t('firstName')} autoComplete="given-name" error={fieldError(errors.firstName?.message)} {...register('firstName')} />
        <Field id="lastName" label={t('lastName')} autoComplete="family-name" error={fieldError(errors.lastName?.message)} {...register('lastName')} />
        <Field id="kvnr" label={t('kvnr')} autoCapitalize="characters" spellCheck={false} error={fieldError(errors.kvnr?.message)} {...register('kvnr')} />
      </fieldset>

      <div className="flex flex-col gap-2">
        <details className="rounded-lg border border-surface-line bg-surface-subtle p-3">
          <summary className="cursor-pointer py-2.5 font-semibold text-brand">{t('privacy.title')}</summary>
          <p className="mt-2">{t('privacy.text')}</p>
          <p className="mt-2">{t('privacy.providers')}</p>
        </details>
        <label className="flex items-start gap-3">
          <input type="checkbox" className="mt-0.5 h-5 w-5 shrink-0 accent-brand" aria-describedby="privacy-error" {...register('privacy')} />
          <span>{t('privacy.consent')}</span>
        </label>
        <p id="privacy-error" aria-live="polite" className="text-sm font-medium text-danger">
          {fieldError(errors.privacy?.message)}
        </p>
      </div>

      <Button type="submit" disabled={busy} aria-disabled={busy} className="w-full sm:w-fit">
        {busy ? t('submitting') : method ? t(`submit.${method}`) : t('submit.none')}
      </Button>
    </form>
  );
}
