import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';

/** In the profile: the way to "Jetzt zu smart wechseln", or to smarthealth for a smart member. */
export async function SmartStatusCard({ level, smarthealthUnlocked }: { level: 'BASIC' | 'SMART'; smarthealthUnlocked: boolean }) {
  if (level === 'SMART' && smarthealthUnlocked) return null;
  const t = await getTranslations('identity.profile');
  return (
    <Card>
      <h2 className="mb-2 text-xl font-semibold text-brand-dark">{t('title')}</h2>
      <p>{level === 'BASIC' ? t('basic') : t('smart')}</p>
      <Link href="/smart" className={buttonClass('primary', 'mt-3')}>
        {level === 'BASIC' ? t('switch') : t('unlock')}
      </Link>
    </Card>
  );
}
