import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DeviceBinder } from '@/components/identity/DeviceBinder';
import { Banner } from '@/components/ui/Banner';
import { buttonClass } from '@/components/ui/Button';
import { Card, PageHeading } from '@/components/ui/Card';
import { requireMember } from '@/lib/auth/session';
import { latestIdentification } from '@/lib/identity/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('identity.done');
  return { title: t('title') };
}

/** After a successful identification: binds this browser, then shows what the member has now. */
export default async function IdentificationDonePage() {
  const { memberId, sessionId, member } = await requireMember();
  const identification = await latestIdentification(memberId, sessionId);
  if (!identification) redirect('/smart');
  const t = await getTranslations('identity.done');
  return (
    <div className="flex flex-col gap-6">
      <PageHeading>{t('title')}</PageHeading>
      <Card className="flex flex-col gap-4">
        <Banner tone="success" title={t('smart')}>
          {member.smarthealthUnlocked ? t('smarthealth') : t('smartOnly')}
        </Banner>
        {identification.deviceBoundAt ? <Banner tone="success">{t('bound')}</Banner> : <DeviceBinder memberId={memberId} />}
        <Link href="/" className={buttonClass('primary', 'w-fit')}>
          {t('toHome')}
        </Link>
      </Card>
    </div>
  );
}
