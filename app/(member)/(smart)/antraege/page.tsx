import Link from 'next/link';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Banner } from '@/components/ui/Banner';
import { buttonClass } from '@/components/ui/Button';
import { Card, PageHeading } from '@/components/ui/Card';
import { ChildDaysTable } from '@/components/claims/ChildDaysTable';
import { StatusBadge } from '@/components/claims/StatusBadge';
import { requireSmartMember } from '@/lib/auth/access';
import { childSicknessDays, listCases, listDrafts } from '@/lib/claims/queries';
import { berlinDate, germanDate } from '@/lib/insurance/calendar';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('claims');
  return { title: t('title') };
}

const kindOfType = { CHILD_SICKNESS_BENEFIT: 'kinderkrankengeld', MATERNITY_BENEFIT: 'mutterschaftsgeld' } as const;

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { memberId } = await requireSmartMember();
  const t = await getTranslations('claims');
  const params = await searchParams;
  const [cases, drafts, childDays] = await Promise.all([listCases(memberId), listDrafts(memberId), childSicknessDays(memberId)]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      {params.verworfen === '1' && <Banner tone="success">{t('drafts.discarded')}</Banner>}

      <section aria-labelledby="apply-title">
        <Card>
          <h2 id="apply-title" className="text-lg font-semibold text-brand-dark">
            {t('apply.title')}
          </h2>
          <div className="mt-3 flex flex-wrap gap-3">
            <Link href="/antraege/neu/kinderkrankengeld" className={buttonClass('primary')}>
              {t('apply.kinderkrankengeld')}
            </Link>
            <Link href="/antraege/neu/mutterschaftsgeld" className={buttonClass('secondary')}>
              {t('apply.mutterschaftsgeld')}
            </Link>
            <Link href="/downloadcenter" className={buttonClass('ghost')}>
              {t('apply.downloads')}
            </Link>
          </div>
        </Card>
      </section>

      {drafts.length > 0 && (
        <section aria-labelledby="drafts-title">
          <h2 id="drafts-title" className="mb-3 text-lg font-semibold text-brand-dark">
            {t('drafts.title')}
          </h2>
          <ul className="flex flex-col gap-3">
            {drafts.map((d) => (
              <li key={d.id}>
                <Card className="flex flex-wrap items-center justify-between gap-3">
                  <span>{t('drafts.item', { type: t(`type.${d.type}`), step: d.step, date: germanDate(berlinDate(d.updatedAt)) })}</span>
                  {d.type !== 'SICKNESS_BENEFIT' && (
                    <Link href={`/antraege/neu/${kindOfType[d.type]}`} className={buttonClass('secondary')}>
                      {t('drafts.continue')}
                    </Link>
                  )}
                </Card>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="cases-title">
        <h2 id="cases-title" className="mb-3 text-lg font-semibold text-brand-dark">
          {t('list.title')}
        </h2>
        {cases.length === 0 ? (
          <p>{t('list.empty')}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {cases.map((c) => (
              <li key={c.id}>
                <Link href={`/antraege/${c.id}`} className="block rounded-card border border-surface-line bg-surface p-4 shadow-sm hover:border-brand focus-visible:border-brand">
                  <span className="flex flex-wrap items-center justify-between gap-2">
                    <span className="font-semibold text-brand-dark">
                      {t(`type.${c.type}`)}
                      {c.childName ? ` ${t('list.child', { name: c.childName })}` : ''}
                    </span>
                    <StatusBadge status={c.status} label={t(`status.${c.status}`)} />
                  </span>
                  <span className="mt-1 block text-sm text-ink-muted">
                    {t('list.reference', { reference: c.reference })} · {t('list.received', { date: germanDate(berlinDate(c.receivedAt)) })}
                    {!c.decidedAt && ['RECEIVED', 'DOCUMENTS_MISSING', 'IN_REVIEW'].includes(c.status) ? ` · ${t('list.decideBy', { date: germanDate(c.clock.deadline) })}` : ''}
                  </span>
                  {c.clock.passed && <span className="mt-1 block text-sm font-semibold text-danger">{t('clock.passed', { date: germanDate(c.clock.deadline) })}</span>}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      {childDays.children.length > 0 && <ChildDaysTable data={childDays} />}
    </div>
  );
}
