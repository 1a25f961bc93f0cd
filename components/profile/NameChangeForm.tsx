'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Banner } from '@/components/ui/Banner';
import { Field, Select } from '@/components/ui/Field';
import { SubmitButton } from '@/components/security/SubmitButton';
import { nameChangeReasons } from '@/lib/profile/choices';
import { idle, type FormState } from './form-state';

/**
 * "Namensänderung beantragen": a plain multipart form (the document is a file); the server checks all. A
 * refused submit hands the typed values back, since React resets a form after its action.
 */
export function NameChangeForm({ action, requestKey }: { action: (state: FormState, formData: FormData) => Promise<FormState>; requestKey: string }) {
  const t = useTranslations('profile');
  const [state, formAction] = useActionState(action, idle);
  const error = (name: string) => {
    const key = state.errors?.[name]?.[0];
    return key ? t(key.startsWith('data.') ? key : `validation.${key}`) : undefined;
  };
  return (
    <form action={formAction} className="flex flex-col gap-4" aria-label={t('data.name.heading')}>
      {state.message && <Banner tone={state.status === 'ok' ? 'success' : 'error'}>{t(state.message)}</Banner>}
      <input type="hidden" name="requestKey" value={requestKey} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="firstName" name="firstName" label={t('data.name.firstName')} autoComplete="given-name" required defaultValue={state.values?.firstName} error={error('firstName')} />
        <Field id="lastName" name="lastName" label={t('data.name.lastName')} autoComplete="family-name" required defaultValue={state.values?.lastName} error={error('lastName')} />
      </div>
      <Select id="reason" name="reason" label={t('data.name.reason')} required defaultValue={state.values?.reason ?? ''} error={error('reason')}>
        <option value="" disabled>
          {t('data.name.choose')}
        </option>
        {nameChangeReasons.map((r) => (
          <option key={r} value={r}>
            {t(`data.name.reasons.${r}`)}
          </option>
        ))}
      </Select>
      <Field id="document" name="document" type="file" accept="application/pdf,image/jpeg,image/png" label={t('data.name.document')} required error={error('document')} />
      <SubmitButton className="w-full sm:w-fit">{t('data.name.submit')}</SubmitButton>
    </form>
  );
}
