'use client';

import { startTransition, useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/Button';
import { ComposeErrors } from '@/components/mailbox/ComposeErrors';
import { FileChooser, precheck, type Limits } from '@/components/mailbox/FileChooser';
import { uploadCaseDocumentsAction } from '@/app/(member)/(smart)/antraege/actions';
import type { ComposeState } from '@/lib/mailbox/form-state';

/** Uploads the missing documents straight into one case. */
export function CaseUploadForm({ caseId, idempotencyKey, limits }: { caseId: string; idempotencyKey: string; limits: Limits }) {
  const t = useTranslations('claims.case.missing');
  const [state, formAction, pending] = useActionState<ComposeState, FormData>(uploadCaseDocumentsAction, {});
  const [files, setFiles] = useState<File[]>([]);
  const [local, setLocal] = useState<ComposeState>({});
  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const check = precheck(files, limits);
    if (files.length === 0 || check.tooMany || check.refused.length > 0) {
      setLocal(files.length === 0 ? { message: 'compose.needFile' } : { message: 'compose.notSent', ...check });
      return;
    }
    setLocal({});
    const data = new FormData();
    data.set('caseId', caseId);
    data.set('idempotencyKey', idempotencyKey);
    for (const file of files) data.append('files', file);
    startTransition(() => formAction(data));
  };
  const shown = local.message ? local : state;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <p className="text-sm text-ink-muted">{t('uploadLead')}</p>
      <ComposeErrors id="case-upload-errors" state={shown} limits={limits} />
      <FileChooser files={files} onChange={setFiles} limits={limits} refused={shown.refused ?? []} describedBy="case-upload-errors" />
      <div>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t('sending') : t('send')}
        </Button>
      </div>
    </form>
  );
}
