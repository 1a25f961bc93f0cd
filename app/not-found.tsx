import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotFoundContent } from '@/components/shell/NotFoundContent';
import { PortalFrame } from '@/components/shell/PortalFrame';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errors.notFound');
  return { title: t('title') };
}

/** An unknown address: inside the portal's frame (logo home, footer), with the way back to the Startseite. */
export default async function NotFound() {
  return (
    <PortalFrame>
      <NotFoundContent />
    </PortalFrame>
  );
}
