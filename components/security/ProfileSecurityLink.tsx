import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/Card';
import { Icon } from '@/components/ui/Icon';

/** On the profile page: the way to Profil > Sicherheit. */
export async function ProfileSecurityLink() {
  const t = await getTranslations('security');
  return (
    <Card>
      <h2 className="mb-1 text-xl font-semibold text-brand-dark">{t('title')}</h2>
      <p className="mb-3 text-ink-muted">{t('intro')}</p>
      <Link href="/profil/sicherheit" className="inline-flex min-h-11 items-center gap-2 font-semibold text-brand underline-offset-4 hover:underline">
        <Icon name="key" className="h-5 w-5" />
        {t('open')}
      </Link>
    </Card>
  );
}
