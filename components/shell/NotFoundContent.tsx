import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/Button';

/** "Seite nicht gefunden" with the way back to the Startseite: the body of both not-found pages. */
export async function NotFoundContent() {
  const t = await getTranslations('errors.notFound');
  return (
    <div className="flex min-h-[40vh] flex-col items-start justify-center gap-4">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      <p>{t('text')}</p>
      <Link href="/" className={buttonClass('primary')}>
        {t('home')}
      </Link>
    </div>
  );
}
