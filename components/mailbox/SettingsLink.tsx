import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/Card';
import { Icon } from '@/components/ui/Icon';

/** Profil > Einstellungen (App-Kommunikation, Sprache). */
export async function SettingsLink() {
  const t = await getTranslations('settings');
  return (
    <Card>
      <Link href="/profil/einstellungen" className="flex min-h-11 items-center justify-between gap-3 font-semibold text-brand">
        <span>
          {t('title')}
          <span className="block text-sm font-normal text-ink-muted">{t('appCommunication.title')} · {t('language.title')}</span>
        </span>
        <Icon name="chevron" />
      </Link>
    </Card>
  );
}
