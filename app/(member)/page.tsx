import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ServiceTile } from '@/components/home/ServiceTile';
import { SmartGate } from '@/components/shell/SmartGate';
import { buttonClass } from '@/components/ui/Button';
import { Banner } from '@/components/ui/Banner';
import { Card } from '@/components/ui/Card';
import type { IconName } from '@/components/ui/Icon';
import { smartAccess } from '@/lib/auth/access';
import { requireMember } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('home');
  return { title: t('title') };
}

type Tile = { key: string; icon: IconName; href: string; smartOnly: boolean };

const tiles: Tile[] = [
  { key: 'mailbox', icon: 'mail', href: '/postfach', smartOnly: true },
  { key: 'messenger', icon: 'chat', href: '/nachrichten', smartOnly: true },
  { key: 'insurance', icon: 'shield', href: '/versicherung', smartOnly: true },
  { key: 'certificates', icon: 'document', href: '/versicherung/bescheinigung', smartOnly: true },
  { key: 'healthCard', icon: 'card', href: '/profil/gesundheitskarte', smartOnly: true },
  { key: 'claims', icon: 'clipboard', href: '/antraege', smartOnly: true },
  { key: 'profile', icon: 'user', href: '/profil', smartOnly: false },
  { key: 'security', icon: 'key', href: '/profil/sicherheit', smartOnly: false },
];

export default async function StartPage() {
  const session = await requireMember();
  const { member } = session;
  const access = smartAccess(session);
  const t = await getTranslations('home');
  const identity = await getTranslations('identity');
  const common = await getTranslations('common');
  const isSmart = member.level === 'SMART';
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold text-brand-dark sm:text-3xl">{t('greeting', { name: `${member.firstName} ${member.lastName}` })}</h1>
        <p className="mt-1 text-ink-muted">{t('levelBadge', { level: common(`level.${member.level}`) })}</p>
      </div>
      {!isSmart && (
        <Card className="border-brand bg-brand-light">
          <h2 className="text-lg font-semibold text-brand-dark">{t('switchToSmart')}</h2>
          <p className="mt-1">{t('basicIntro')}</p>
          <Link href="/smart" className={buttonClass('primary', 'mt-3')}>
            {t('switchToSmart')}
          </Link>
        </Card>
      )}
      {access.ok === false && access.reason === 'device' && <SmartGate access={access} feature={identity('home.deviceFeature')} />}
      {member.smarthealthUnlocked && <Banner tone="success">{t('smarthealthActive')}</Banner>}
      <section aria-labelledby="services-heading">
        <h2 id="services-heading" className="mb-3 text-xl font-semibold text-brand-dark">
          {t('servicesTitle')}
        </h2>
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {tiles.map((tile) => (
            <ServiceTile
              key={tile.key}
              icon={tile.icon}
              title={t(`tiles.${tile.key}.title`)}
              text={t(`tiles.${tile.key}.text`)}
              href={tile.href}
              note={tile.smartOnly && !isSmart ? t('smartOnly') : undefined}
            />
          ))}
        </ul>
      </section>
    </div>
  );
}
