import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { BackLink } from '@/components/ui/BackLink';
import { buttonClass } from '@/components/ui/Button';
import { Card, PageHeading } from '@/components/ui/Card';
import { Select } from '@/components/ui/Field';
import { TableScrollRegion } from '@/components/ui/Table';
import { smarthealthPageSession } from '@/lib/smarthealth/access';
import { billedYears, listBilledServices } from '@/lib/smarthealth/queries';
import { billedServiceKinds, receiptFilterSchema } from '@/lib/smarthealth/schema';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('smarthealth');
  return { title: t('title') };
}

type Search = { year?: string | string[]; kind?: string | string[] };

/**
 * smarthealth's Patientenquittung. The (smart) layout stands in for basic members and unbound browsers;
 * a smart member without smarthealth (Robo-Ident) sees why and how to unlock it, and no data at all.
 */
export default async function SmarthealthPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { session, access } = await smarthealthPageSession();
  const t = await getTranslations('smarthealth');
  const more = await getTranslations('more');
  if (!access.ok) {
    return (
      <div className="flex flex-col gap-6">
        <BackLink href="/mehr">{more('title')}</BackLink>
        <PageHeading>{t('title')}</PageHeading>
        <Card className="border-brand bg-brand-light">
          <h2 className="text-lg font-semibold text-brand-dark">{t('locked.title')}</h2>
          <p className="mt-2">{t('gateFeature')}</p>
          <p className="mt-2">{t('locked.text')}</p>
          <p className="mt-2">{t('locked.how')}</p>
          <Link href="/smart" className={buttonClass('primary', 'mt-4')}>
            {t('locked.action')}
          </Link>
        </Card>
      </div>
    );
  }

  const params = await searchParams;
  const filter = receiptFilterSchema.parse({ year: typeof params.year === 'string' ? params.year : undefined, kind: typeof params.kind === 'string' ? params.kind : undefined });
  const [services, years] = await Promise.all([listBilledServices(session.memberId, filter), billedYears(session.memberId)]);
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeZone: 'UTC' });
  const money = (cents: number) => format.number(cents / 100, { style: 'currency', currency: 'EUR' });
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();
  const total = services.reduce((sum, s) => sum + s.amountCents, 0);

  return (
    <div className="flex flex-col gap-6">
      <BackLink href="/mehr">{more('title')}</BackLink>
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      <Card>
        <form method="get" className="flex flex-col gap-4 sm:flex-row sm:items-end" aria-label={t('filters.heading')}>
          <Select id="year" name="year" label={t('filters.year')} defaultValue={filter.year ? String(filter.year) : ''}>
            <option value="">{t('filters.allYears')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
          <Select id="kind" name="kind" label={t('filters.kind')} defaultValue={filter.kind ?? ''}>
            <option value="">{t('filters.allKinds')}</option>
            {billedServiceKinds.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </Select>
          <button type="submit" className={buttonClass('secondary', 'mb-7 sm:mb-7')}>
            {t('filters.apply')}
          </button>
        </form>
      </Card>
      <Card>
        {services.length === 0 ? (
          <p>{t('empty')}</p>
        ) : (
          <TableScrollRegion labelledBy="receipt-caption">
            <table className="w-full min-w-[36rem] text-left">
              <caption id="receipt-caption" className="mb-2 text-left text-lg font-semibold text-brand-dark">
                {t('caption')}
              </caption>
              <thead>
                <tr className="border-b-2 border-surface-line">
                  <th scope="col" className="py-2 pr-3">{t('columns.date')}</th>
                  <th scope="col" className="py-2 pr-3">{t('columns.kind')}</th>
                  <th scope="col" className="py-2 pr-3">{t('columns.provider')}</th>
                  <th scope="col" className="py-2 text-right">{t('columns.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {services.map((s) => (
                  <tr key={s.id} className="border-b border-surface-line align-top">
                    <td className="py-2 pr-3">{s.endDate ? `${day(s.serviceDate)} – ${day(s.endDate)}` : day(s.serviceDate)}</td>
                    <td className="py-2 pr-3">{t(`kinds.${s.kind}`)}</td>
                    <td className="py-2 pr-3">
                      <span className="block font-semibold">{s.provider}</span>
                      <span className="text-sm text-ink-muted">{s.description}</span>
                    </td>
                    <td className="py-2 text-right">{money(s.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScrollRegion>
        )}
        <p className="mt-3 font-semibold">{t('total', { total: money(total) })}</p>
        <a href={`/api/smarthealth/patientenquittung${query ? `?${query}` : ''}`} download className={buttonClass('primary', 'mt-4')}>
          {t('download')}
        </a>
      </Card>
    </div>
  );
}
