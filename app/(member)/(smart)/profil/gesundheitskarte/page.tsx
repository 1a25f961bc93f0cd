import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { HealthCardView } from '@/components/health-card/HealthCardView';
import { LimitNotice } from '@/components/health-card/LimitNotice';
import { OrderForm } from '@/components/health-card/OrderForm';
import { PendingRefresh } from '@/components/health-card/PendingRefresh';
import { RequestForm } from '@/components/health-card/RequestForm';
import { SendForm } from '@/components/health-card/SendForm';
import { BackLink } from '@/components/ui/BackLink';
import { Banner } from '@/components/ui/Banner';
import { buttonClass } from '@/components/ui/Button';
import { Card, PageHeading } from '@/components/ui/Card';
import { requireSmartMember } from '@/lib/auth/access';
import { latestOrder, listReplacements, yearlyUsage } from '@/lib/health-card/queries';
import { HEALTH_CARD_VALID_DAYS } from '@/lib/health-card/validity';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('healthCard');
  return { title: t('title') };
}

export default async function HealthCardPage() {
  const session = await requireSmartMember();
  const t = await getTranslations('healthCard');
  const now = new Date();
  const [cards, usage, order] = await Promise.all([listReplacements(session.memberId, now), yearlyUsage(session.memberId, now), latestOrder(session.memberId)]);
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeZone: 'Europe/Berlin' });
  const current = cards.find((c) => c.status !== 'expired');
  const { member } = session;
  return (
    <div className="flex flex-col gap-6">
      <BackLink href="/profil">
        {t('back')}
      </BackLink>
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      <Banner tone="info">
        <p>{t('rule', { days: HEALTH_CARD_VALID_DAYS })}</p>
        <p className="mt-1 font-semibold">{t('usage', { year: usage.year, used: usage.used, max: usage.max })}</p>
      </Banner>

      {current?.status === 'pending' && (
        <Banner tone="info" title={t('pending.title')}>
          <p>{t('pending.text')}</p>
          <PendingRefresh readyAt={current.readyAt.toISOString()} />
        </Banner>
      )}

      {current?.status === 'valid' && (
        <Card>
          <h2 className="mb-3 text-xl font-semibold text-brand-dark">{t('card.title')}</h2>
          <HealthCardView card={current} member={member} />
          <div className="mt-4 flex flex-wrap gap-3">
            <a href={`/api/health-card/${current.id}/pdf`} download className={buttonClass('primary')}>
              {t('card.download')}
            </a>
            <Link href={`/profil/gesundheitskarte/drucken/${current.id}`} className={buttonClass('secondary')}>
              {t('card.printView')}
            </Link>
          </div>
          <section aria-labelledby="send-heading" className="mt-6 border-t border-surface-line pt-4">
            <h3 id="send-heading" className="text-lg font-semibold text-brand-dark">
              {t('send.title')}
            </h3>
            <p className="mb-3 text-sm text-ink-muted">{t('send.lead')}</p>
            <SendForm cardId={current.id} ownEmail={member.email} />
          </section>
        </Card>
      )}

      <Card>
        <h2 className="mb-3 text-xl font-semibold text-brand-dark">{t('request.title')}</h2>
        {usage.used >= usage.max ? <LimitNotice /> : <RequestForm
            limitNotice={<LimitNotice />}
            inProgress={current?.status === 'pending'}
            validUntil={current?.status === 'valid' ? format.dateTime(current.validUntil, { dateStyle: 'long', timeZone: 'UTC' }) : undefined}
          />}
      </Card>

      <Card className="border-brand">
        <h2 className="mb-2 text-xl font-semibold text-brand-dark">{t('order.title')}</h2>
        <p className="mb-4">{t('order.text')}</p>
        {order && <p className="mb-3 text-sm text-ink-muted">{t('order.lastOrder', { date: day(order.createdAt) })}</p>}
        <OrderForm />
      </Card>

      {cards.length > 0 && (
        <Card>
          <h2 className="mb-3 text-xl font-semibold text-brand-dark">{t('history.title')}</h2>
          <ul className="flex flex-col divide-y divide-surface-line">
            {cards.map((card) => (
              <li key={card.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>{t('history.requestedAt', { date: day(card.requestedAt) })}</span>
                <span className="rounded bg-surface-subtle px-2 py-0.5 text-sm font-semibold">{t(`status.${card.status}`)}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
