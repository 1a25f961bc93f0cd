'use client';

import { startTransition, useActionState, useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { Field, Select } from '@/components/ui/Field';
import type { AddressInput, EmailChangeInput, PhoneInput } from '@/lib/profile/schema';
import { addressCountries } from '@/lib/profile/choices';
import { idle, type FormState } from './form-state';
import { StepUpNotice } from './StepUpNotice';
import { lazyZodResolver } from '@/lib/forms/lazy-resolver';

const addressResolver = lazyZodResolver(() => import('@/lib/profile/schema').then((m) => m.addressSchema));
const phoneResolver = lazyZodResolver(() => import('@/lib/profile/schema').then((m) => m.phoneSchema));
const emailChangeResolver = lazyZodResolver(() => import('@/lib/profile/schema').then((m) => m.emailChangeSchema));

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

function toFormData(values: Record<string, string>) {
  const formData = new FormData();
  for (const [name, value] of Object.entries(values)) formData.set(name, value);
  return formData;
}

function useMessages() {
  const t = useTranslations('profile');
  const message = (state: FormState) => (state.message ? t(state.message, state.values) : undefined);
  const fieldError = (clientKey: string | undefined, state: FormState, name: string) => {
    const key = clientKey ?? state.errors?.[name]?.[0];
    return key ? t(`validation.${key}`) : undefined;
  };
  return { t, message, fieldError };
}

function StateBanner({ state, text }: { state: FormState; text?: string }) {
  if (!text || state.status === 'idle' || state.status === 'step_up') return null;
  return <Banner tone={state.status === 'ok' ? 'success' : 'error'}>{text}</Banner>;
}

export function AddressForm({ action, initial, countryNames }: { action: Action; initial: AddressInput; countryNames: Record<string, string> }) {
  const { t, message, fieldError } = useMessages();
  const [state, formAction, pending] = useActionState(action, idle);
  const { register, handleSubmit, formState: { errors } } = useForm<AddressInput>({ resolver: addressResolver, defaultValues: initial });
  const onSubmit = handleSubmit((values) => startTransition(() => formAction(toFormData(values))));
  return (
    <form onSubmit={onSubmit} onFocus={addressResolver.preload} noValidate className="flex flex-col gap-4" aria-label={t('data.address.heading')}>
      <StateBanner state={state} text={message(state)} />
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <Field id="street" label={t('data.address.street')} autoComplete="address-line1" error={fieldError(errors.street?.message, state, 'street')} {...register('street')} />
        <Field id="houseNumber" label={t('data.address.houseNumber')} error={fieldError(errors.houseNumber?.message, state, 'houseNumber')} {...register('houseNumber')} />
      </div>
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <Field id="postalCode" label={t('data.address.postalCode')} hint={t('data.address.postalCodeHint')} autoComplete="postal-code" error={fieldError(errors.postalCode?.message, state, 'postalCode')} {...register('postalCode')} />
        <Field id="city" label={t('data.address.city')} autoComplete="address-level2" error={fieldError(errors.city?.message, state, 'city')} {...register('city')} />
      </div>
      <Select id="country" label={t('data.address.country')} autoComplete="country" error={fieldError(errors.country?.message, state, 'country')} {...register('country')}>
        {addressCountries.map((code) => (
          <option key={code} value={code}>
            {countryNames[code] ?? code}
          </option>
        ))}
      </Select>
      <Button type="submit" disabled={pending} aria-disabled={pending || undefined} className="w-full sm:w-fit">
        {t('data.address.submit')}
      </Button>
    </form>
  );
}

export function PhoneForm({ action, initial }: { action: Action; initial: PhoneInput }) {
  const { t, message, fieldError } = useMessages();
  const [state, formAction, pending] = useActionState(action, idle);
  const { register, handleSubmit, formState: { errors } } = useForm<PhoneInput>({ resolver: phoneResolver, defaultValues: initial });
  const onSubmit = handleSubmit((values) => startTransition(() => formAction(toFormData(values))));
  return (
    <form onSubmit={onSubmit} onFocus={phoneResolver.preload} noValidate className="flex flex-col gap-4" aria-label={t('data.phone.heading')}>
      <StateBanner state={state} text={message(state)} />
      <Field id="phone" type="tel" label={t('data.phone.label')} hint={t('data.phone.hint')} autoComplete="tel" error={fieldError(errors.phone?.message, state, 'phone')} {...register('phone')} />
      <Button type="submit" disabled={pending} aria-disabled={pending || undefined} className="w-full sm:w-fit">
        {t('data.phone.submit')}
      </Button>
    </form>
  );
}

export function EmailForm({ action }: { action: Action }) {
  const { t, message, fieldError } = useMessages();
  const [state, formAction, pending] = useActionState(action, idle);
  const { register, handleSubmit, getValues, reset, formState: { errors } } = useForm<EmailChangeInput>({ resolver: emailChangeResolver, defaultValues: { email: '' } });
  useEffect(() => {
    if (state.status === 'ok') reset({ email: '' });
  }, [state, reset]);
  const send = (values: EmailChangeInput) => startTransition(() => formAction(toFormData(values)));
  return (
    <div className="flex flex-col gap-4">
      {/* Outside the form: the confirmation has a form of its own. */}
      {state.status === 'step_up' && <StepUpNotice message={t(state.message ?? 'data.email.stepUp')} onConfirmed={() => send(getValues())} />}
    <form onSubmit={handleSubmit(send)} noValidate className="flex flex-col gap-4" aria-label={t('data.email.heading')}>
      <StateBanner state={state} text={message(state)} />
      <Field id="email" type="email" label={t('data.email.label')} hint={t('data.email.hint')} autoComplete="email" error={fieldError(errors.email?.message, state, 'email')} {...register('email')} />
      <Button type="submit" disabled={pending} aria-disabled={pending || undefined} className="w-full sm:w-fit">
        {t('data.email.submit')}
      </Button>
    </form>
    </div>
  );
}
