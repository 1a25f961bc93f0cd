import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeading } from '@/components/ui/Card';
import { LinkCard } from '@/components/ui/LinkCard';
import { requireMember } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('more');
  return { title: t('title') };
}

export default async function MorePage() {
  await requireMember();
  const t = await getTranslations('more');
  return (
    <div className="flex flex-col gap-4">
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      <div className="grid gap-3 md:grid-cols-2">
        <LinkCard href="/mehr/technische-daten" icon="sliders" title={t('links.technical.title')} text={t('links.technical.text')} />
        <LinkCard href="/mehr/support" icon="chat" title={t('links.support.title')} text={t('links.support.text')} />
        <LinkCard href="/mehr/babycare" icon="home" title={t('links.babycare.title')} text={t('links.babycare.text')} />
        <LinkCard href="/mehr/aumio" icon="globe" title={t('links.aumio.title')} text={t('links.aumio.text')} />
        <LinkCard href="/smarthealth" icon="shield" title={t('links.smarthealth.title')} text={t('links.smarthealth.text')} />
      </div>
    </div>
  );
}
