'use client';

import { startTransition, useActionState, useState } from 'react';
import Link from 'next/link';
import { useForm } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { Button, buttonClass } from '@/components/ui/Button';
import { replyAction } from '@/app/(member)/(smart)/postfach/actions';
import type { ComposeState } from '@/lib/mailbox/form-state';
import type { ReplyInput } from '@/lib/mailbox/schema';
import { ComposeErrors } from './ComposeErrors';
import { FileChooser, precheck, type Limits } from './FileChooser';
import { TextArea } from '@/components/ui/Field';
import { lazyZodResolver } from '@/lib/forms/lazy-resolver';

const replyResolver = lazyZodResolver(() => import('@/lib/mailbox/schema').then((m) => m.replySchema));

/** "Antworten": text and attachments; the idempotency key was made when the page rendered. */
export function ReplyForm({ letterId, idempotencyKey, limits }: { letterId: string; idempotencyKey: string; limits: Limits }) {
  const t = useTranslations('mailbox');
  const [state, formAction, pending] = useActionState<ComposeState, FormData>(replyAction, {});
  const [files, setFiles] = useState<File[]>([]);
  const [local, setLocal] = useState<ComposeState>({});
  const { register, handleSubmit, formState } = useForm<ReplyInput>({ resolver: replyResolver, defaultValues: { letterId, idempotencyKey, text: '' } });

  const onSubmit = handleSubmit((values) => {
    const check = precheck(files, limits);
    if (check.tooMany || check.refused.length > 0) {
      setLocal({ message: 'compose.notSent', ...check });
      return;
    }
    setLocal({});
    const data = new FormData();
    data.set('letterId', values.letterId);
    data.set('idempotencyKey', values.idempotencyKey);
    data.set('text', values.text);
    for (const file of files) data.append('files', file);
    startTransition(() => formAction(data));
  });

  const shown = local.message ? local : state;
  const textError = formState.errors.text?.message ?? state.errors?.text?.[0];
  return (
    <form onFocus={replyResolver.preload} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <ComposeErrors id="compose-errors" state={shown} limits={limits} />
      <TextArea id="text" label={t('compose.text')} error={textError ? t(textError) : undefined} maxLength={5000} {...register('text')} />
      <FileChooser files={files} onChange={setFiles} limits={limits} refused={shown.refused ?? []} describedBy="compose-errors" />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t('compose.sending') : t('compose.send')}
        </Button>
        <Link href={`/postfach/${letterId}`} className={buttonClass('ghost')}>
          {t('compose.cancel')}
        </Link>
      </div>
    </form>
  );
}
