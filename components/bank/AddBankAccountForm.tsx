'use client';

import { startTransition, useActionState, useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import type { FormState } from '@/components/profile/form-state';
import { idle } from '@/components/profile/form-state';
import { StepUpNotice } from '@/components/profile/StepUpNotice';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import type { AddBankAccountInput } from '@/lib/bank/schema';
import { lazyZodResolver } from '@/lib/forms/lazy-resolver';

const addBankAccountResolver = lazyZodResolver(() => import('@/lib/bank/schema').then((m) => m.addBankAccountSchema));

type Props = { action: (state: FormState, formData: FormData) => Promise<FormState>; today: string; requestKey: string; holder: string };

/**
 * "Neue Bankverbindung". The IBAN is checked in the browser with the same schema as on the server; the
 * server also needs a fresh second factor: then the form says so, keeps what was typed, and sends it again
 * once the member has confirmed.
 */
export function AddBankAccountForm({ action, today, requestKey, holder }: Props) {
  const t = useTranslations('bank');
  const [state, formAction, pending] = useActionState(action, idle);
  const empty: AddBankAccountInput = { iban: '', accountHolder: holder, bic: '', validFrom: today, requestKey };
  const { register, handleSubmit, getValues, reset, formState: { errors } } = useForm<AddBankAccountInput>({ resolver: addBankAccountResolver, defaultValues: empty });

  useEffect(() => {
    // A saved account: the next one is a new request.
    if (state.status !== 'ok') return;
    reset({ ...empty, requestKey: crypto.randomUUID() });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a new answer arrives
  }, [state]);

  const send = (values: AddBankAccountInput) => {
    const formData = new FormData();
    for (const [name, value] of Object.entries(values)) formData.set(name, value);
    startTransition(() => formAction(formData));
  };
  const error = (name: keyof AddBankAccountInput) => {
    const k = errors[name]?.message ?? state.errors?.[name]?.[0];
    return k ? t(`validation.${k}`) : undefined;
  };

  return (
    <div className="flex flex-col gap-4">
      {/* Outside the form: the confirmation has a form of its own. */}
      {state.status === 'step_up' && <StepUpNotice message={t('stepUp')} onConfirmed={() => send(getValues())} />}
    <form onFocus={addBankAccountResolver.preload} onSubmit={handleSubmit(send)} noValidate className="flex flex-col gap-4" aria-label={t('add.heading')}>
      {state.status === 'ok' && <Banner tone="success">{t('add.saved')}</Banner>}
      {state.status === 'error' && <Banner tone="error">{t('validation.invalid')}</Banner>}
      <input type="hidden" {...register('requestKey')} />
      <Field id="iban" label={t('add.iban')} hint={t('add.ibanHint')} autoComplete="off" spellCheck={false} className="font-mono uppercase" error={error('iban')} {...register('iban')} />
      <Field id="accountHolder" label={t('add.holder')} autoComplete="name" error={error('accountHolder')} {...register('accountHolder')} />
      <Field id="bic" label={t('add.bic')} hint={t('add.bicHint')} autoComplete="off" spellCheck={false} className="uppercase" error={error('bic')} {...register('bic')} />
      <Field id="validFrom" type="date" label={t('add.validFrom')} hint={t('add.validFromHint')} min={today} error={error('validFrom')} {...register('validFrom')} />
      <Button type="submit" disabled={pending} aria-disabled={pending || undefined} className="w-full sm:w-fit">
        {t('add.submit')}
      </Button>
    </form>
    </div>
  );
}
