'use client';

import { startTransition, useActionState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { lazyZodResolver } from '@/lib/forms/lazy-resolver';
import type { EnrolState } from '@/app/(member)/(smart)/mehr/babycare/actions';

const enrolResolver = lazyZodResolver(() => import('@/lib/programs/babycare-schema').then((m) => m.enrolSchema));
const birthDateResolver = lazyZodResolver(() => import('@/lib/programs/babycare-schema').then((m) => m.birthDateSchema));

type Values = { expectedBirthDate: string; consent: boolean };
type Props = { action: (state: EnrolState, formData: FormData) => Promise<EnrolState>; min: string; max: string; current?: string };

/**
 * The enrolment with the expected date of birth and the consent, or (with `current`) a change of the
 * date. Checked here with the server's schema; a refused submit keeps the date typed.
 */
export function BabyCareEnrolForm({ action, min, max, current }: Props) {
  const t = useTranslations('babycare');
  const changing = current !== undefined;
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const resolver = changing ? birthDateResolver : enrolResolver;
  const { register, handleSubmit, formState: { errors } } = useForm<Values>({ resolver: resolver as unknown as Resolver<Values>, defaultValues: { expectedBirthDate: current ?? '', consent: false } });

  const send = (values: Values) => {
    const formData = new FormData();
    formData.set('expectedBirthDate', values.expectedBirthDate);
    formData.set('consent', String(values.consent === true));
    startTransition(() => formAction(formData));
  };
  const error = (name: keyof Values) => {
    const key = errors[name]?.message ?? state.errors?.[name]?.[0];
    return key ? t(key) : undefined;
  };
  const consentError = error('consent');
  const id = changing ? 'newBirthDate' : 'expectedBirthDate';

  return (
    <form onSubmit={handleSubmit(send)} noValidate className="flex flex-col gap-4" aria-label={t(changing ? 'status.changeDate' : 'enrol.heading')}>
      {state.status === 'error' && <Banner tone="error">{t('enrol.failed')}</Banner>}
      <Field id={id} type="date" min={min} max={max} label={t('enrol.expectedBirthDate')} hint={t('enrol.expectedBirthHint')} error={error('expectedBirthDate')} {...register('expectedBirthDate')} />
      {!changing && (
        <div className="flex flex-col gap-1">
          <label className="flex items-start gap-3">
            <input type="checkbox" className="mt-0.5 h-5 w-5 shrink-0 accent-brand" aria-invalid={consentError ? true : undefined} aria-describedby="consent-error" {...register('consent')} />
            <span>{t('enrol.consent')}</span>
          </label>
          <p id="consent-error" aria-live="polite" className="text-sm font-medium text-danger">
            {consentError}
          </p>
        </div>
      )}
      <Button type="submit" variant={changing ? 'secondary' : 'primary'} disabled={pending} aria-disabled={pending || undefined} className="w-full sm:w-fit">
        {pending ? t('enrol.submitting') : t(changing ? 'status.saveDate' : 'enrol.submit')}
      </Button>
    </form>
  );
}
