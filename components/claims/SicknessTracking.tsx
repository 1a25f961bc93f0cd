import { getTranslations } from 'next-intl/server';
import { Banner } from '@/components/ui/Banner';
import { Card } from '@/components/ui/Card';
import { TableScrollRegion } from '@/components/ui/Table';
import { maxDailyAmountCents } from '@/lib/claims/rules/daily-amount';
import type { sicknessTracking } from '@/lib/claims/tracking';
import type { FederalState } from '@/lib/holidays';
import { berlinDate, germanDate } from '@/lib/insurance/calendar';

type Tracking = ReturnType<typeof sicknessTracking>;
type Payment = { id: string; periodStart: Date; periodEnd: Date; days: number; dailyAmountCents: number; totalCents: number; paidOn: Date; ibanMasked: string };

const euro = (cents: number) => (cents / 100).toLocaleString('de-DE', { style: 'currency', currency: 'EUR' });

const stateNames: Record<FederalState, string> = {
  BW: 'Baden-Württemberg', BY: 'Bayern', BE: 'Berlin', BB: 'Brandenburg', HB: 'Bremen', HH: 'Hamburg', HE: 'Hessen', MV: 'Mecklenburg-Vorpommern',
  NI: 'Niedersachsen', NW: 'Nordrhein-Westfalen', RP: 'Rheinland-Pfalz', SL: 'Saarland', SN: 'Sachsen', ST: 'Sachsen-Anhalt', SH: 'Schleswig-Holstein', TH: 'Thüringen',
};

/** Krankengeld-Tracking: sick notes with gaps and late arrivals, the 78 weeks, the payments. */
export async function SicknessTracking({ tracking, payments, state }: { tracking: Tracking; payments: Payment[]; state: FederalState }) {
  const t = await getTranslations('claims.sickness');
  const year = new Date().getUTCFullYear();
  return (
    <>
      {tracking.gaps.map((gap) => (
        <Banner key={gap.previousEnd.toISOString()} tone="error" title={t('gapTitle')}>
          <p>{t('gap', { from: germanDate(gap.uncovered.start), to: germanDate(gap.uncovered.end), latest: germanDate(gap.latestFollowUpStart) })}</p>
          <p className="mt-1">{t('gapHint', { state: stateNames[state] })}</p>
        </Banner>
      ))}
      {tracking.expiryWarning && tracking.latestEnd && (
        <Banner tone="warning" title={t('expiryTitle')}>
          {t('expiry', { days: tracking.expiryWarning.daysLeft, date: germanDate(tracking.latestEnd) })}
        </Banner>
      )}

      {tracking.entitlement && (
        <section aria-labelledby="entitlement-title">
          <Card>
            <h2 id="entitlement-title" className="text-lg font-semibold text-brand-dark">
              {t('entitlementTitle')}
            </h2>
            <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
              <div>
                <dt className="text-sm text-ink-muted">{t('used')}</dt>
                <dd className="text-2xl font-bold" data-testid="days-used">{tracking.entitlement.used}</dd>
              </div>
              <div>
                <dt className="text-sm text-ink-muted">{t('left')}</dt>
                <dd className="text-2xl font-bold" data-testid="days-left">{tracking.entitlement.left}</dd>
              </div>
              <div className="col-span-2 sm:col-span-1">
                <dt className="text-sm text-ink-muted">{t('lastDay')}</dt>
                <dd className="text-2xl font-bold">{tracking.entitlement.forecastLastDay ? germanDate(tracking.entitlement.forecastLastDay) : t('exhausted')}</dd>
              </div>
            </dl>
            <p className="mt-3 text-sm text-ink-muted">{t('entitlementRule', { start: germanDate(tracking.entitlement.block.start) })}</p>
          </Card>
        </section>
      )}

      <section aria-labelledby="notes-title">
        <Card>
          <h2 id="notes-title" className="text-lg font-semibold text-brand-dark">
            {t('notesTitle')}
          </h2>
          {tracking.notes.length === 0 ? (
            <p className="mt-2">{t('notesEmpty')}</p>
          ) : (
            <TableScrollRegion labelledBy="notes-title">
              <table className="mt-3 w-full min-w-[32rem] text-left">
                <thead>
                  <tr className="border-b border-surface-line">
                    <th scope="col" className="py-2 pr-4">{t('period')}</th>
                    <th scope="col" className="py-2 pr-4">{t('channel')}</th>
                    <th scope="col" className="py-2">{t('receivedAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {tracking.notes.map((n) => (
                    <tr key={n.id} className="border-b border-surface-line align-top">
                      <td className="py-2 pr-4">
                        {germanDate(n.startDate)} – {germanDate(n.endDate)}
                      </td>
                      <td className="py-2 pr-4">{t(`channels.${n.channel}`)}</td>
                      <td className="py-2">
                        {germanDate(berlinDate(n.receivedAt))}
                        {n.late && <span className="block text-sm font-semibold text-danger">{t('late')}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScrollRegion>
          )}
          {tracking.notes.some((n) => n.late) && <p className="mt-2 text-sm text-ink-muted">{t('lateHint')}</p>}
        </Card>
      </section>

      <section aria-labelledby="payments-title">
        <Card>
          <h2 id="payments-title" className="text-lg font-semibold text-brand-dark">
            {t('paymentsTitle')}
          </h2>
          {payments.length === 0 ? (
            <p className="mt-2">{t('paymentsEmpty')}</p>
          ) : (
            <TableScrollRegion labelledBy="payments-title">
              <table className="mt-3 w-full min-w-[40rem] text-left">
                <thead>
                  <tr className="border-b border-surface-line">
                    <th scope="col" className="py-2 pr-4">{t('period')}</th>
                    <th scope="col" className="py-2 pr-4">{t('days')}</th>
                    <th scope="col" className="py-2 pr-4">{t('daily')}</th>
                    <th scope="col" className="py-2 pr-4">{t('total')}</th>
                    <th scope="col" className="py-2 pr-4">{t('paidOn')}</th>
                    <th scope="col" className="py-2">{t('account')}</th>
                  </tr>
                </thead>
                <tbody>
                  {payments.map((p) => (
                    <tr key={p.id} className="border-b border-surface-line">
                      <td className="py-2 pr-4">
                        {germanDate(p.periodStart)} – {germanDate(p.periodEnd)}
                      </td>
                      <td className="py-2 pr-4">{p.days}</td>
                      <td className="py-2 pr-4">{euro(p.dailyAmountCents)}</td>
                      <td className="py-2 pr-4">{euro(p.totalCents)}</td>
                      <td className="py-2 pr-4">{germanDate(p.paidOn)}</td>
                      <td className="py-2 whitespace-nowrap">{p.ibanMasked}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScrollRegion>
          )}
          <p className="mt-2 text-sm text-ink-muted">{t('maximum', { year, amount: euro(maxDailyAmountCents(year)) })}</p>
        </Card>
      </section>
    </>
  );
}
