'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { TextArea } from '@/components/ui/Field';

type State = { message?: string; errors?: Record<string, string[] | undefined>; body?: string };

/** The staff answer in a member's conversation; a failed send keeps the text. */
export function StaffAnswerForm({ conversationId, action }: { conversationId: string; action: (previous: State, formData: FormData) => Promise<State> }) {
  const t = useTranslations('admin.messenger');
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="conversationId" value={conversationId} />
      <TextArea id="staff-answer" name="body" label={t('answer')} hint={t('answerHint')} required maxLength={5000} defaultValue={state.body} key={state.body ?? ''} error={state.errors?.body ? t('bodyRequired') : undefined} />
      <div aria-live="polite">{state.message && !state.errors?.body && <Banner tone="error">{t('failed')}</Banner>}</div>
      <Button type="submit" disabled={pending} aria-disabled={pending || undefined} className="w-full sm:w-fit">
        {t('send')}
      </Button>
    </form>
  );
}
