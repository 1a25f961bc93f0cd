import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/Button';

/** "Seite nicht gefunden" with the way back to the Startseite: the body of both not-found pages. */
export function NotFoundContent() {
  const t = useTranslations('errors.notFound');
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
