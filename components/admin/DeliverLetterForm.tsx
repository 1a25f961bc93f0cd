'use client';

import { useActionState, useId } from 'react';
import { useTranslations } from 'next-intl';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { Field, Select } from '@/components/ui/Field';

type State = { status?: 'postfach' | 'postal' | 'failed' };

/** A template, or a PDF with a subject; the server checks the file by its content. */
export function DeliverLetterForm({ memberId, templates, action }: { memberId: string; templates: string[]; action: (previous: State, formData: FormData) => Promise<State> }) {
  const t = useTranslations('admin.letters');
  const id = useId();
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="memberId" value={memberId} />
      <Select id={`${id}-template`} name="template" label={t('template')} defaultValue="">
        <option value="">–</option>
        {templates.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </Select>
      <p className="text-sm text-ink-muted">{t('orPdf')}</p>
      <Field id={`${id}-subject`} name="subject" label={t('subject')} maxLength={200} />
      <Field id={`${id}-pdf`} name="pdf" type="file" accept="application/pdf,.pdf" label={t('pdf')} />
      <div aria-live="polite">
        {state.status === 'postfach' && <Banner tone="success">{t('delivered')}</Banner>}
        {state.status === 'postal' && <Banner tone="success">{t('deliveredPostal')}</Banner>}
        {state.status === 'failed' && <Banner tone="error">{t('deliverFailed')}</Banner>}
      </div>
      <Button type="submit" variant="secondary" disabled={pending} className="w-full sm:w-fit">
        {t('deliver')}
      </Button>
    </form>
  );
}
