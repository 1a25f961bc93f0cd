import { getTranslations } from 'next-intl/server';
import { LinkCard } from '@/components/ui/LinkCard';

/** The way to the digitale Gesundheitskarte from the profile, where the app has it too. */
export async function HealthCardProfileLink() {
  const t = await getTranslations('healthCard');
  return <LinkCard href="/profil/gesundheitskarte" icon="card" title={t('title')} text={t('profileLink')} />;
}
