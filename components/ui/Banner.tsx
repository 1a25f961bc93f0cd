import type { ReactNode } from 'react';

type Tone = 'info' | 'success' | 'warning' | 'error';

const tones: Record<Tone, string> = {
  info: 'border-brand bg-brand-light text-ink',
  success: 'border-success bg-success-light text-ink',
  warning: 'border-warning bg-warning-light text-ink',
  error: 'border-danger bg-danger-light text-ink',
};

/** A message box; errors are announced at once (role=alert), the rest politely (role=status). */
export function Banner({ tone = 'info', title, children, id }: { tone?: Tone; title?: string; children?: ReactNode; id?: string }) {
  return (
    <div id={id} role={tone === 'error' ? 'alert' : 'status'} className={`rounded-lg border-l-4 p-4 ${tones[tone]}`}>
      {title && <p className="font-semibold">{title}</p>}
      {children && <div className={title ? 'mt-1' : ''}>{children}</div>}
    </div>
  );
}
