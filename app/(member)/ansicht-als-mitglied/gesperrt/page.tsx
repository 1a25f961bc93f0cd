import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/Button';
import { requireMember } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.refused'))('title') };
}

/** Where staff land when the read-only "Ansicht als Mitglied" refused a change or a closed page. */
export default async function ImpersonationRefusedPage() {
  await requireMember();
  const t = await getTranslations('admin.refused');
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      <p>{t('text')}</p>
      <Link href="/" className={buttonClass('secondary', 'w-fit')}>
        {t('back')}
      </Link>
    </div>
  );
}
