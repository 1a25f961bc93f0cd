const tone: Record<string, string> = {
  RECEIVED: 'bg-brand-light text-brand-dark',
  DOCUMENTS_MISSING: 'bg-warning-light text-ink',
  IN_REVIEW: 'bg-brand-light text-brand-dark',
  APPROVED: 'bg-success-light text-ink',
  DECLINED: 'bg-danger-light text-ink',
  PAYMENT_INITIATED: 'bg-success-light text-ink',
};

/** A case's state as a small label; the colour only repeats what the text says. */
export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`rounded-full px-3 py-1 text-sm font-semibold ${tone[status] ?? ''}`}>{label}</span>;
}
