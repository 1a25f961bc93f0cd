import { getTranslations } from 'next-intl/server';
import { LinkCard } from '@/components/ui/LinkCard';

/** Profil > Einstellungen (App-Kommunikation, Sprache). */
export async function SettingsLink() {
  const t = await getTranslations('settings');
  return <LinkCard href="/profil/einstellungen" icon="sliders" title={t('title')} text={`${t('appCommunication.title')} · ${t('language.title')}`} />;
}
