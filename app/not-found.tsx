import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/Button';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errors.notFound');
  return { title: t('title') };
}

export default async function NotFound() {
  const t = await getTranslations('errors.notFound');
  return (
    <main id="main" className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-start justify-center gap-4 px-4 py-10">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      <p>{t('text')}</p>
      <Link href="/" className={buttonClass('primary')}>
        {t('home')}
      </Link>
    </main>
  );
}
