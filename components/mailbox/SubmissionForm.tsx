'use client';

import { startTransition, useActionState, useState } from 'react';
import Link from 'next/link';
import { useForm } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { Field, Select, TextArea } from '@/components/ui/Field';
import { Button, buttonClass } from '@/components/ui/Button';
import { submitDocumentsAction } from '@/app/(member)/(smart)/postfach/actions';
import type { ComposeState } from '@/lib/mailbox/form-state';
import type { SubmissionInput } from '@/lib/mailbox/schema';
import { letterCategories } from '@/lib/mailbox/choices';
import { ComposeErrors } from './ComposeErrors';
import { FileChooser, precheck, type Limits } from './FileChooser';
import { lazyZodResolver } from '@/lib/forms/lazy-resolver';

const submissionResolver = lazyZodResolver(() => import('@/lib/mailbox/schema').then((m) => m.submissionSchema));

/** "Dokumente einreichen": category, what it is about, files and an optional note. */
export function SubmissionForm({ idempotencyKey, limits }: { idempotencyKey: string; limits: Limits }) {
  const t = useTranslations('mailbox');
  const [state, formAction, pending] = useActionState<ComposeState, FormData>(submitDocumentsAction, {});
  const [files, setFiles] = useState<File[]>([]);
  const [local, setLocal] = useState<ComposeState>({});
  const { register, handleSubmit, formState } = useForm<SubmissionInput>({
    resolver: submissionResolver,
    defaultValues: { idempotencyKey, subject: '', text: '', category: '' as SubmissionInput['category'] },
  });

  const onSubmit = handleSubmit((values) => {
    const check = precheck(files, limits);
    if (files.length === 0 || check.tooMany || check.refused.length > 0) {
      setLocal(files.length === 0 ? { message: 'compose.needFile' } : { message: 'compose.notSent', ...check });
      return;
    }
    setLocal({});
    const data = new FormData();
    for (const [key, value] of Object.entries(values)) data.set(key, String(value));
    for (const file of files) data.append('files', file);
    startTransition(() => formAction(data));
  });

  const shown = local.message ? local : state;
  const error = (field: 'category' | 'subject' | 'text') => {
    const key = formState.errors[field]?.message ?? state.errors?.[field]?.[0];
    return key ? t(key) : undefined;
  };
  return (
    <form onFocus={submissionResolver.preload} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <ComposeErrors id="compose-errors" state={shown} limits={limits} />
      <Select id="category" label={t('compose.category')} error={error('category')} {...register('category')}>
        <option value="">{t('compose.chooseCategory')}</option>
        {letterCategories.map((c) => (
          <option key={c} value={c}>
            {t(`category.${c}`)}
          </option>
        ))}
      </Select>
      <Field id="subject" label={t('compose.subject')} hint={t('compose.subjectHint')} maxLength={200} error={error('subject')} {...register('subject')} />
      <FileChooser files={files} onChange={setFiles} limits={limits} refused={shown.refused ?? []} describedBy="compose-errors" />
      <TextArea id="text" label={t('compose.textOptional')} rows={4} maxLength={5000} error={error('text')} {...register('text')} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t('compose.sending') : t('compose.send')}
        </Button>
        <Link href="/postfach" className={buttonClass('ghost')}>
          {t('compose.cancel')}
        </Link>
      </div>
    </form>
  );
}
