import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PortalFrame } from '@/components/shell/PortalFrame';
import { buttonClass } from '@/components/ui/Button';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errors.notFound');
  return { title: t('title') };
}

/** Inside the portal's frame (logo home, footer), with the way back to the Startseite. */
export default async function NotFound() {
  const t = await getTranslations('errors.notFound');
  return (
    <PortalFrame>
      <div className="flex min-h-[40vh] flex-col items-start justify-center gap-4">
        <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
        <p>{t('text')}</p>
        <Link href="/" className={buttonClass('primary')}>
          {t('home')}
        </Link>
      </div>
    </PortalFrame>
  );
}
