'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { orderHealthCardAction } from '@/app/(member)/(smart)/profil/gesundheitskarte/actions';
import { newRequestKey } from '@/lib/health-card/request-key';
import type { OrderHealthCardInput } from '@/lib/health-card/schema';
import { ORDER_REASONS } from '@/lib/health-card/choices';
import { lazyZodResolver } from '@/lib/forms/lazy-resolver';

const orderHealthCardResolver = lazyZodResolver(() => import('@/lib/health-card/schema').then((m) => m.orderHealthCardSchema));

/** Orders a new electronic health card online; the request key makes a double submit order once. */
export function OrderForm() {
  const t = useTranslations('healthCard');
  const router = useRouter();
  const [ordered, setOrdered] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<OrderHealthCardInput>({ resolver: orderHealthCardResolver, defaultValues: { requestKey: newRequestKey() } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await orderHealthCardAction(values).catch(() => null);
    if (result?.ok) {
      setOrdered(true);
      router.refresh();
    } else setFormError(t(result?.message ?? 'errors.unknown'));
  });

  if (ordered) return <Banner tone="success">{t('order.ordered')}</Banner>;
  return (
    <form onFocus={orderHealthCardResolver.preload} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Banner tone="error">{formError}</Banner>}
      <input type="hidden" {...register('requestKey')} />
      <fieldset className="flex flex-col gap-2" aria-describedby="order-reason-error">
        <legend className="mb-1 font-semibold">{t('order.reasonLegend')}</legend>
        {ORDER_REASONS.map((reason) => (
          <label key={reason} className="flex items-center gap-3">
            <input type="radio" value={reason} className="h-5 w-5 shrink-0 accent-brand" {...register('reason')} />
            <span>{t(`order.reasons.${reason}`)}</span>
          </label>
        ))}
        <p id="order-reason-error" aria-live="polite" className="text-sm font-medium text-danger">
          {errors.reason?.message ? t(errors.reason.message) : null}
        </p>
      </fieldset>
      <p className="text-sm text-ink-muted">{t('order.addressHint')}</p>
      <Button type="submit" variant="secondary" disabled={isSubmitting} aria-disabled={isSubmitting} className="w-full sm:w-fit">
        {isSubmitting ? t('order.submitting') : t('order.submit')}
      </Button>
    </form>
  );
}
