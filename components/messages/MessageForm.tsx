'use client';

import { startTransition, useActionState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { TextArea } from '@/components/ui/Field';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { postMessageAction, type MessageFormState } from '@/app/(member)/(smart)/nachrichten/actions';
import type { MessageInput } from '@/lib/messages/schema';
import { lazyZodResolver } from '@/lib/forms/lazy-resolver';

const messageResolver = lazyZodResolver(() => import('@/lib/messages/schema').then((m) => m.messageSchema));

/** Writes into an open conversation; a new key comes with each rendering of the page. */
export function MessageForm({ conversationId, idempotencyKey }: { conversationId: string; idempotencyKey: string }) {
  const t = useTranslations('messenger');
  const m = useTranslations('mailbox');
  const [state, formAction, pending] = useActionState<MessageFormState, FormData>(postMessageAction, {});
  const { register, handleSubmit, formState } = useForm<MessageInput>({ resolver: messageResolver, defaultValues: { conversationId, idempotencyKey, body: '' } });
  const onSubmit = handleSubmit((values) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(values)) data.set(key, value);
    startTransition(() => formAction(data));
  });
  const key = formState.errors.body?.message ?? state.errors?.body?.[0];
  return (
    <form onFocus={messageResolver.preload} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <div aria-live="polite">{state.message && <Banner tone="error">{t(state.message)}</Banner>}</div>
      <TextArea id="body" label={t('form.reply')} hint={t('form.bodyHint')} rows={4} maxLength={5000} error={key ? m(key) : undefined} {...register('body')} />
      <Button type="submit" disabled={pending} aria-disabled={pending} className="w-fit">
        {pending ? t('form.sending') : t('form.send')}
      </Button>
    </form>
  );
}
