'use client';

import { useId } from 'react';
import { useTranslations } from 'next-intl';
import { Icon } from '@/components/ui/Icon';
import { acceptedFileTypes } from '@/lib/files/accept';

export type Limits = { maxFiles: number; maxMb: number };
type Reason = 'empty' | 'too_large' | 'type_not_allowed' | 'extension_mismatch' | 'active_content';

/** Problems the browser can see before sending; the server checks the content all the same. */
export function precheck(files: File[], limits: Limits): { tooMany: boolean; refused: { fileName: string; reason: Reason }[] } {
  const refused = files.flatMap((f): { fileName: string; reason: Reason }[] => {
    if (f.size === 0) return [{ fileName: f.name, reason: 'empty' }];
    if (f.size > limits.maxMb * 1024 * 1024) return [{ fileName: f.name, reason: 'too_large' }];
    return [];
  });
  return { tooMany: files.length > limits.maxFiles, refused };
}

/** A file input that collects files into a list the member can correct before sending. */
export function FileChooser({ files, onChange, limits, refused, describedBy }: { files: File[]; onChange: (files: File[]) => void; limits: Limits; refused: { fileName: string; reason: Reason }[]; describedBy?: string }) {
  const t = useTranslations('mailbox.compose');
  const id = useId();
  const reasonOf = (name: string) => refused.find((r) => r.fileName === name || name.endsWith(r.fileName))?.reason;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="font-semibold text-ink">
        {t('files')}
      </label>
      <p id={`${id}-hint`} className="text-sm text-ink-muted">
        {t('filesHint', limits)}
      </p>
      <input
        id={id}
        type="file"
        multiple
        accept={acceptedFileTypes}
        aria-describedby={[`${id}-hint`, describedBy].filter(Boolean).join(' ')}
        className="peer sr-only"
        onChange={(event) => {
          const chosen = Array.from(event.target.files ?? []);
          onChange([...files, ...chosen]);
          event.target.value = '';
        }}
      />
      {/* The browser's own file button speaks the browser's language and says "no file chosen" even when
          the list below has files, so the input is hidden and this label is its visible face. */}
      <label
        htmlFor={id}
        aria-hidden="true"
        className="inline-flex min-h-11 w-fit cursor-pointer items-center gap-2 rounded-lg border-2 border-brand bg-surface px-5 py-2.5 font-semibold text-brand hover:bg-brand-light peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-focus peer-focus-visible:[outline-style:solid] peer-focus-visible:shadow-[0_0_0_5px_#00305a]"
      >
        <Icon name="document" className="h-5 w-5" />
        {files.length > 0 ? t('chooseMore') : t('choose')}
      </label>
      {files.length > 0 && (
        <div>
          <p className="mt-2 text-sm font-semibold">{t('chosen')}</p>
          <ul className="mt-1 flex flex-col gap-1">
            {files.map((file, index) => {
              const reason = reasonOf(file.name);
              return (
                <li key={`${file.name}-${index}`} className={`flex items-center justify-between gap-2 rounded-lg px-3 py-1 ${reason ? 'bg-danger-light' : 'bg-surface-subtle'}`}>
                  <span className="min-w-0 break-all">
                    {file.name} <span className="text-sm text-ink-muted">({Math.max(1, Math.round(file.size / 1024))} KB)</span>
                    {reason && <span className="block text-sm font-medium text-danger">{t(`reason.${reason}`, { maxMb: limits.maxMb })}</span>}
                  </span>
                  <button type="button" className="min-h-11 shrink-0 rounded px-2 font-semibold text-brand underline" onClick={() => onChange(files.filter((_, i) => i !== index))}>
                    <span aria-hidden="true">✕</span>
                    <span className="sr-only">{t('remove', { name: file.name })}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
