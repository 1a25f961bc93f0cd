import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

type Labelled = { id: string; label: string; hint?: string; error?: string };

const controlClass = (error?: string, extra = '') =>
  `min-h-11 rounded-lg border-2 bg-surface px-3 py-2 text-base text-ink ${error ? 'border-danger' : 'border-surface-line'} ${extra}`;

/** The attributes that tie a control to its hint and error for screen readers. */
function describe(id: string, hint?: string, error?: string) {
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined,
  };
}

/** Label above, hint below it, the control, and the error in a polite live region. */
function Frame({ id, label, hint, error, children }: Labelled & { children: ReactNode }) {
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

/** A labelled input. */
export function Field({ id, label, hint, error, className = '', ...input }: InputHTMLAttributes<HTMLInputElement> & Labelled & { ref?: Ref<HTMLInputElement> }) {
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <input id={id} {...describe(id, hint, error)} className={controlClass(error, className)} {...input} />
    </Frame>
  );
}

/** A labelled textarea. */
export function TextArea({ id, label, hint, error, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & Labelled & { ref?: Ref<HTMLTextAreaElement> }) {
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <textarea id={id} rows={6} {...describe(id, hint, error)} className={controlClass(error)} {...props} />
    </Frame>
  );
}

/** A labelled select. */
export function Select({ id, label, hint, error, children, ...props }: SelectHTMLAttributes<HTMLSelectElement> & Labelled & { ref?: Ref<HTMLSelectElement> }) {
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <select id={id} {...describe(id, hint, error)} className={controlClass(error)} {...props}>
        {children}
      </select>
    </Frame>
  );
}
