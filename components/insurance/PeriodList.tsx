import { getFormatter, getTranslations } from 'next-intl/server';
import type { PeriodEntry } from '@/lib/insurance/queries';

/** Versicherungszeiten, newest first; gaps get an entry of their own in a warning colour. */
export async function PeriodList({ entries }: { entries: PeriodEntry[] }) {
  const t = await getTranslations('insurance.periods');
  const common = await getTranslations('common');
  const format = await getFormatter();
  // Calendar dates are stored at UTC midnight: formatted in UTC so that no day shifts.
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeZone: 'UTC' });
  if (entries.length === 0) return <p>{t('empty')}</p>;
  return (
    <ol className="flex flex-col gap-3">
      {entries.map((entry) =>
        entry.type === 'gap' ? (
          <li key={`gap-${entry.startsOn.toISOString()}`} className="rounded-lg border-2 border-dashed border-warning bg-warning-light p-4">
            <p className="font-semibold">{t('gap')}</p>
            <p>{t('range', { from: date(entry.startsOn), to: date(entry.endsOn) })}</p>
            <p className="mt-1 text-sm text-ink-muted">{t('gapHint')}</p>
          </li>
        ) : (
          <li key={entry.id} className="rounded-lg border border-surface-line bg-surface p-4">
            <p className="font-semibold text-brand-dark">{common(`membershipType.${entry.kind}`)}</p>
            <p>{entry.endsOn ? t('range', { from: date(entry.startsOn), to: date(entry.endsOn) }) : `${t('since', { from: date(entry.startsOn) })} · ${t('ongoing')}`}</p>
            <p className="text-sm text-ink-muted">
              {t('payer')}: {entry.payerName}
            </p>
          </li>
        ),
      )}
    </ol>
  );
}
