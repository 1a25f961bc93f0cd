import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Icon } from '@/components/ui/Icon';

/** The way to the digitale Gesundheitskarte from the profile, where the app has it too. */
export async function HealthCardProfileLink() {
  const t = await getTranslations('healthCard');
  return (
    <Link href="/profil/gesundheitskarte" className="flex items-center gap-4 rounded-card border border-surface-line bg-surface p-5 shadow-sm hover:border-brand">
      <span className="flex h-11 w-11 shrink-0 items-center justify-center rounded-full bg-brand-light text-brand">
        <Icon name="card" />
      </span>
      <span className="flex flex-col">
        <span className="text-lg font-semibold text-brand-dark">{t('title')}</span>
        <span className="text-sm text-ink-muted">{t('profileLink')}</span>
      </span>
    </Link>
  );
}
