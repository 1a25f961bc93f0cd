import type { ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

const control = (error?: string) => `min-h-11 rounded-lg border-2 bg-surface px-3 py-2 text-base text-ink ${error ? 'border-danger' : 'border-surface-line'}`;

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined;
}

function Frame({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="font-semibold text-ink">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-ink-muted">
          {hint}
        </p>
      )}
      {children}
      <p id={`${id}-error`} aria-live="polite" className="text-sm font-medium text-danger">
        {error}
      </p>
    </div>
  );
}

/** A labelled textarea whose hint and error are tied to it for screen readers. */
export function TextArea({ id, label, hint, error, ref, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; label: string; hint?: string; error?: string; ref?: Ref<HTMLTextAreaElement> }) {
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <textarea id={id} ref={ref} rows={6} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={control(error)} {...props} />
    </Frame>
  );
}

/** A labelled select. */
export function Select({ id, label, hint, error, ref, children, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { id: string; label: string; hint?: string; error?: string; ref?: Ref<HTMLSelectElement> }) {
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <select id={id} ref={ref} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={control(error)} {...props}>
        {children}
      </select>
    </Frame>
  );
}
