import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CertificateForm } from '@/components/certificates/CertificateForm';
import { CertificateList } from '@/components/certificates/CertificateList';
import { BackLink } from '@/components/ui/BackLink';
import { Card, PageHeading } from '@/components/ui/Card';
import { requireSmartMember } from '@/lib/auth/access';
import { listCertificates } from '@/lib/certificates/queries';
import { berlinDate, isoDate } from '@/lib/insurance/calendar';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('certificates');
  return { title: t('title') };
}

export default async function CertificatesPage() {
  const session = await requireSmartMember();
  const t = await getTranslations('certificates');
  const certificates = await listCertificates(session.memberId);
  return (
    <div className="flex flex-col gap-6">
      <BackLink href="/versicherung">
        {t('back')}
      </BackLink>
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      <Card>
        <h2 className="mb-3 text-xl font-semibold text-brand-dark">{t('form.title')}</h2>
        <CertificateForm today={isoDate(berlinDate(new Date()))} />
      </Card>
      <Card>
        <h2 className="mb-3 text-xl font-semibold text-brand-dark">{t('list.title')}</h2>
        <CertificateList certificates={certificates} />
      </Card>
    </div>
  );
}
