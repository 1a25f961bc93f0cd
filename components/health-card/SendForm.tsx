'use client';

import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { sendReplacementAction } from '@/app/(member)/(smart)/profil/gesundheitskarte/actions';
import type { SendReplacementInput } from '@/lib/health-card/schema';
import { lazyZodResolver } from '@/lib/forms/lazy-resolver';

const sendReplacementResolver = lazyZodResolver(() => import('@/lib/health-card/schema').then((m) => m.sendReplacementSchema));

/** Sends the card's verification code and link by email, to the member or to e.g. the doctor's practice. */
export function SendForm({ cardId, ownEmail }: { cardId: string; ownEmail: string }) {
  const t = useTranslations('healthCard');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    control,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SendReplacementInput>({ resolver: sendReplacementResolver, defaultValues: { cardId, recipient: 'self', email: '' } });
  const recipient = useWatch({ control, name: 'recipient' });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setSentTo(null);
    const result = await sendReplacementAction(values).catch(() => null);
    if (!result) return setFormError(t('errors.unknown'));
    if (result.ok) return setSentTo(result.to);
    if (result.errors.email?.[0]) setError('email', { message: result.errors.email[0] });
    else setFormError(t(result.message));
  });

  return (
    <form onFocus={sendReplacementResolver.preload} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <div aria-live="polite">{sentTo && <Banner tone="success">{t('send.sent', { to: sentTo })}</Banner>}</div>
      {formError && <Banner tone="error">{formError}</Banner>}
      <input type="hidden" {...register('cardId')} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">{t('send.recipientLegend')}</legend>
        <label className="flex items-center gap-3">
          <input type="radio" value="self" className="h-5 w-5 shrink-0 accent-brand" {...register('recipient')} />
          <span className="break-all">{t('send.self', { email: ownEmail })}</span>
        </label>
        <label className="flex items-center gap-3">
          <input type="radio" value="other" className="h-5 w-5 shrink-0 accent-brand" {...register('recipient')} />
          <span>{t('send.other')}</span>
        </label>
      </fieldset>
      {recipient === 'other' && (
        <Field id="send-email" type="email" autoComplete="email" label={t('send.email')} error={errors.email?.message ? t(errors.email.message) : undefined} {...register('email')} />
      )}
      <Button type="submit" variant="secondary" disabled={isSubmitting} aria-disabled={isSubmitting} className="w-full sm:w-fit">
        {isSubmitting ? t('send.submitting') : t('send.submit')}
      </Button>
    </form>
  );
}
