'use client';

import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Banner } from '@/components/ui/Banner';
import { Button, buttonClass } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { issueCertificateAction } from '@/app/(member)/(smart)/versicherung/bescheinigung/actions';
import type { IssueCertificateInput } from '@/lib/certificates/schema';
import { lazyZodResolver } from '@/lib/forms/lazy-resolver';

const issueCertificateResolver = lazyZodResolver(() => import('@/lib/certificates/schema').then((m) => m.issueCertificateSchema));

const kinds = ['MEMBERSHIP', 'INSURANCE_PERIODS'] as const;

export function CertificateForm({ today }: { today: string }) {
  const t = useTranslations('certificates.form');
  const tc = useTranslations('certificates');
  const router = useRouter();
  const [created, setCreated] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    control,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<IssueCertificateInput>({ resolver: issueCertificateResolver, defaultValues: { kind: 'MEMBERSHIP', periodFrom: '', periodTo: today } });
  const kind = useWatch({ control, name: 'kind' });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setCreated(null);
    const result = await issueCertificateAction(values).catch(() => null);
    if (!result) return setFormError(t('errors.unknown'));
    if (result.ok) {
      setCreated(result.certificateId);
      router.refresh();
      return;
    }
    for (const [field, messages] of Object.entries(result.errors)) {
      if (messages?.[0] && (field === 'periodFrom' || field === 'periodTo' || field === 'kind')) setError(field, { message: messages[0] });
    }
    setFormError(tc(result.message));
  });

  const message = (key?: string) => (key ? tc(key) : undefined);
  return (
    <form onFocus={issueCertificateResolver.preload} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <div aria-live="polite">
        {created && (
          <Banner tone="success" title={t('created')}>
            <a href={`/api/certificates/${created}/pdf`} className={buttonClass('primary', 'mt-2')} download>
              {t('download')}
            </a>
          </Banner>
        )}
      </div>
      {formError && <Banner tone="error">{formError}</Banner>}
      <fieldset className="flex flex-col gap-3" aria-describedby={errors.kind ? 'kind-error' : undefined}>
        <legend className="mb-2 font-semibold">{t('kindLegend')}</legend>
        {kinds.map((k) => (
          <label key={k} className="flex cursor-pointer gap-3 rounded-lg border-2 border-surface-line p-3 has-[:checked]:border-brand has-[:checked]:bg-brand-light">
            <input type="radio" value={k} className="mt-0.5 h-5 w-5 shrink-0 accent-brand" aria-describedby={`kind-${k}-hint`} {...register('kind')} />
            <span>
              <span className="block font-semibold">{t(`kinds.${k}.label`)}</span>
              <span id={`kind-${k}-hint`} className="block text-sm text-ink-muted">
                {t(`kinds.${k}.hint`)}
              </span>
            </span>
          </label>
        ))}
        <p id="kind-error" aria-live="polite" className="text-sm font-medium text-danger">
          {message(errors.kind?.message)}
        </p>
      </fieldset>
      {kind === 'INSURANCE_PERIODS' && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="periodFrom" type="date" label={t('periodFrom')} max={today} error={message(errors.periodFrom?.message)} {...register('periodFrom')} />
          <Field id="periodTo" type="date" label={t('periodTo')} max={today} error={message(errors.periodTo?.message)} {...register('periodTo')} />
        </div>
      )}
      <Button type="submit" disabled={isSubmitting} aria-disabled={isSubmitting} className="w-full sm:w-fit">
        {isSubmitting ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
