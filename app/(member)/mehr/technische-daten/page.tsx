import crypto from 'node:crypto';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { TechnicalDataPanel } from '@/components/support/TechnicalDataPanel';
import { BackLink } from '@/components/ui/BackLink';
import { PageHeading } from '@/components/ui/Card';
import { requireMember } from '@/lib/auth/session';
import { describeUserAgent } from '@/lib/security/user-agent';
import { portalBuild } from '@/lib/support/build';
import { sendSupportMessageAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('support.technical');
  return { title: t('title') };
}

export default async function TechnicalDataPage() {
  const { member } = await requireMember();
  const t = await getTranslations('support.technical');
  const more = await getTranslations('more');
  const { version, build } = portalBuild();
  const device = describeUserAgent((await headers()).get('user-agent'));
  return (
    <div className="flex flex-col gap-6">
      <BackLink href="/mehr">{more('title')}</BackLink>
      <PageHeading lead={t('lead')}>{t('title')}</PageHeading>
      <TechnicalDataPanel version={version} build={build} kvnr={member.kvnr} device={device} requestKey={crypto.randomUUID()} action={sendSupportMessageAction} />
    </div>
  );
}
