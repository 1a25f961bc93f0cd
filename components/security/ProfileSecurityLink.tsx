import { getTranslations } from 'next-intl/server';
import { LinkCard } from '@/components/ui/LinkCard';

/** On the profile page: the way to Profil > Sicherheit. */
export async function ProfileSecurityLink() {
  const t = await getTranslations('security');
  return <LinkCard href="/profil/sicherheit" icon="key" title={t('title')} text={t('intro')} />;
}
