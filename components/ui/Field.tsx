import type { InputHTMLAttributes, Ref } from 'react';

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  ref?: Ref<HTMLInputElement>;
};

/** A labelled input whose hint and error are tied to it for screen readers. */
export function Field({ id, label, hint, error, className = '', ...input }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="font-semibold text-ink">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-ink-muted">
          {hint}
        </p>
      )}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, error ? errorId : undefined].filter(Boolean).join(' ') || undefined}
        className={`min-h-11 rounded-lg border-2 px-3 py-2 text-base text-ink ${error ? 'border-danger' : 'border-surface-line'} ${className}`}
        {...input}
      />
      <p id={errorId} aria-live="polite" className="min-h-0 text-sm font-medium text-danger">
        {error}
      </p>
    </div>
  );
}
