import { getFormatter, getTranslations } from 'next-intl/server';
import { Icon } from '@/components/ui/Icon';
import { TableScrollRegion } from '@/components/ui/Table';
import type { WageYear } from '@/lib/insurance/queries';

/**
 * Entgeltdaten: a bar per year shows how pay developed at a glance; the tables below carry every
 * figure, so the chart is a picture of the same data for readers who see it.
 */
export async function WageData({ years }: { years: WageYear[] }) {
  const t = await getTranslations('insurance.wages');
  const format = await getFormatter();
  const euro = (cents: number) => format.number(cents / 100, { style: 'currency', currency: 'EUR' });
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeZone: 'UTC' });
  if (years.length === 0) return <p>{t('empty')}</p>;
  const max = Math.max(...years.map((y) => y.totalCents), 1);
  const chronological = [...years].reverse();
  return (
    <div className="flex flex-col gap-6">
      <figure aria-labelledby="wage-chart-title" aria-describedby="wage-chart-description">
        <figcaption id="wage-chart-title" className="font-semibold">
          {t('chartTitle')}
        </figcaption>
        <p id="wage-chart-description" className="text-sm text-ink-muted">
          {t('chartDescription')}
        </p>
        <ul className="mt-3 flex flex-col gap-2">
          {chronological.map((y) => (
            <li key={y.year} className="grid grid-cols-[3.5rem_1fr] items-center gap-2 sm:grid-cols-[3.5rem_1fr_9rem]">
              <span className="font-semibold tabular-nums">{y.year}</span>
              <span className="h-5 rounded bg-surface-subtle" aria-hidden="true">
                <span className="block h-5 rounded bg-brand" style={{ width: `${Math.max(2, Math.round((y.totalCents / max) * 100))}%` }} />
              </span>
              <span className="col-start-2 text-sm tabular-nums sm:col-start-auto sm:text-right">{euro(y.totalCents)}</span>
            </li>
          ))}
        </ul>
      </figure>
      {/* One year open at a time on arrival (the newest); the others are one tap away, each with its sum. */}
      {years.map((y, i) => (
        <details key={y.year} open={i === 0} className="group rounded-card border border-surface-line bg-surface">
          <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-3 px-4 py-2 font-semibold text-brand-dark [&::-webkit-details-marker]:hidden">
            <span>{t('caption', { year: y.year })}</span>
            <span className="flex items-center gap-2 tabular-nums">
              {euro(y.totalCents)}
              <Icon name="chevron" className="h-5 w-5 transition-transform group-open:rotate-90" />
            </span>
          </summary>
          <div className="border-t border-surface-line p-4">
            <TableScrollRegion labelledBy={`wages-${y.year}`}>
              <table className="w-full min-w-[18rem] border-collapse text-left text-sm sm:text-base">
                <caption id={`wages-${y.year}`} className="sr-only">
                  {t('caption', { year: y.year })}
                </caption>
                <thead>
                  <tr className="border-b-2 border-surface-line">
                    <th scope="col" className="py-2 pr-3">{t('employer')}</th>
                    <th scope="col" className="py-2 pr-3">{t('period')}</th>
                    <th scope="col" className="py-2 text-right hyphens-auto">{t('gross')}</th>
                  </tr>
                </thead>
                <tbody>
                  {y.reports.map((r) => (
                    <tr key={r.id} className="border-b border-surface-line">
                      <td className="py-2 pr-3">{r.employerName}</td>
                      <td className="py-2 pr-3">{date(r.periodFrom)} – {date(r.periodTo)}</td>
                      <td className="whitespace-nowrap py-2 text-right tabular-nums">{euro(r.grossPayCents)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={2} className="py-2 pr-3 text-left">{t('total', { year: y.year })}</th>
                    <td className="whitespace-nowrap py-2 text-right font-semibold tabular-nums">{euro(y.totalCents)}</td>
                  </tr>
                </tfoot>
              </table>
            </TableScrollRegion>
          </div>
        </details>
      ))}
    </div>
  );
}
