import type { ReactNode } from 'react';

export function Card({ children, className = '' }: { children: ReactNode; className?: string }) {
  return <div className={`rounded-card border border-surface-line bg-surface p-5 shadow-sm ${className}`}>{children}</div>;
}

export function PageHeading({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-bold text-brand-dark sm:text-3xl">{children}</h1>
      {lead && <p className="mt-2 text-ink-muted">{lead}</p>}
    </div>
  );
}
