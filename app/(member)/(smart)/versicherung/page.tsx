import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PeriodList } from '@/components/insurance/PeriodList';
import { WageData } from '@/components/insurance/WageData';
import { buttonClass } from '@/components/ui/Button';
import { Card, PageHeading } from '@/components/ui/Card';
import { requireSmartMember } from '@/lib/auth/access';
import { listInsurancePeriods, listWageYears } from '@/lib/insurance/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('insurance');
  return { title: t('title') };
}

export default async function InsurancePage() {
  const session = await requireSmartMember();
  const t = await getTranslations('insurance');
  const [periods, wages] = await Promise.all([listInsurancePeriods(session.memberId), listWageYears(session.memberId)]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      <Card className="border-brand bg-brand-light">
        <h2 className="text-lg font-semibold text-brand-dark">{t('certificatesLink.title')}</h2>
        <p className="mt-1">{t('certificatesLink.text')}</p>
        <Link href="/versicherung/bescheinigung" className={buttonClass('primary', 'mt-3')}>
          {t('certificatesLink.action')}
        </Link>
      </Card>
      <section aria-labelledby="periods-heading">
        <h2 id="periods-heading" className="text-xl font-semibold text-brand-dark">
          {t('periods.title')}
        </h2>
        <p className="mb-3 text-ink-muted">{t('periods.lead')}</p>
        <PeriodList entries={periods} />
      </section>
      <Card>
        <section aria-labelledby="wages-heading">
          <h2 id="wages-heading" className="text-xl font-semibold text-brand-dark">
            {t('wages.title')}
          </h2>
          <p className="mb-4 text-ink-muted">{t('wages.lead')}</p>
          <WageData years={wages} />
        </section>
      </Card>
    </div>
  );
}
