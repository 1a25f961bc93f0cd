'use client';

import { startTransition, useActionState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { Field, Select, TextArea } from '@/components/ui/Field';
import { startConversationAction, type MessageFormState } from '@/app/(member)/(smart)/nachrichten/actions';
import type { NewConversationInput } from '@/lib/messages/schema';
import { conversationTopics } from '@/lib/messages/choices';
import { lazyZodResolver } from '@/lib/forms/lazy-resolver';

const newConversationResolver = lazyZodResolver(() => import('@/lib/messages/schema').then((m) => m.newConversationSchema));

export function NewConversationForm({ idempotencyKey }: { idempotencyKey: string }) {
  const t = useTranslations('messenger');
  const m = useTranslations('mailbox');
  const [state, formAction, pending] = useActionState<MessageFormState, FormData>(startConversationAction, {});
  const { register, handleSubmit, formState } = useForm<NewConversationInput>({
    resolver: newConversationResolver,
    defaultValues: { idempotencyKey, topic: '' as NewConversationInput['topic'], subject: '', body: '' },
  });
  const onSubmit = handleSubmit((values) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(values)) data.set(key, String(value));
    startTransition(() => formAction(data));
  });
  const error = (field: 'topic' | 'subject' | 'body') => {
    const key = formState.errors[field]?.message ?? state.errors?.[field]?.[0];
    return key ? m(key) : undefined;
  };
  return (
    <form onFocus={newConversationResolver.preload} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <div aria-live="polite">{state.message && <Banner tone="error">{t(state.message)}</Banner>}</div>
      <Select id="topic" label={t('form.topic')} error={error('topic')} {...register('topic')}>
        <option value="">{t('form.chooseTopic')}</option>
        {conversationTopics.map((topic) => (
          <option key={topic} value={topic}>
            {t(`topic.${topic}`)}
          </option>
        ))}
      </Select>
      <Field id="subject" label={t('form.subject')} maxLength={200} error={error('subject')} {...register('subject')} />
      <TextArea id="body" label={t('form.body')} hint={t('form.bodyHint')} maxLength={5000} error={error('body')} {...register('body')} />
      <Button type="submit" disabled={pending} aria-disabled={pending} className="w-fit">
        {pending ? t('form.sending') : t('form.send')}
      </Button>
    </form>
  );
}
