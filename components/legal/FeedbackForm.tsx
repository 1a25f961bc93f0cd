'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { submitFeedbackAction, type FeedbackState } from '@/app/(legal)/barrierefreiheit/actions';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { Field, TextArea } from '@/components/ui/Field';

/**
 * The barrier report: a plain form posted to a server action (it works without JavaScript); a failed
 * submit keeps what was typed and names the field; the key makes a double submit one report.
 */
export function FeedbackForm() {
  const t = useTranslations('legal.accessibility.form');
  const [requestKey] = useState(() => crypto.randomUUID());
  const [state, action, pending] = useActionState<FeedbackState, FormData>(submitFeedbackAction, null);
  const error = (field: string) => {
    const code = state && !state.ok ? state.errors?.[field]?.[0] : undefined;
    return code ? t(`errors.${code}`) : undefined;
  };
  if (state?.ok) return <Banner tone="success">{t('sent')}</Banner>;
  const typed = state && !state.ok ? state.values : undefined;
  return (
    <form key={typed ? JSON.stringify(typed) : 'empty'} action={action} noValidate className="flex flex-col gap-4">
      <div aria-live="polite">{state && !state.ok && <Banner tone="error">{t(state.message)}</Banner>}</div>
      <input type="hidden" name="requestKey" value={requestKey} />
      <Field id="feedback-name" name="name" defaultValue={typed?.name} label={t('name')} autoComplete="name" maxLength={200} error={error('name')} />
      <Field id="feedback-email" name="email" type="email" defaultValue={typed?.email} label={t('email')} autoComplete="email" maxLength={254} error={error('email')} />
      <Field id="feedback-page" name="page" defaultValue={typed?.page} label={t('page')} hint={t('pageHint')} maxLength={200} error={error('page')} />
      <TextArea id="feedback-message" name="message" defaultValue={typed?.message} label={t('message')} required aria-required maxLength={5000} error={error('message') ?? (error('requestKey') ? t('errors.form') : undefined)} />
      <Button type="submit" disabled={pending} aria-disabled={pending} className="w-full sm:w-fit">
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
