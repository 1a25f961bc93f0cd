import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotFoundContent } from '@/components/shell/NotFoundContent';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errors.notFound');
  return { title: t('title') };
}

/**
 * notFound() on a member page (another member's letter, an id that does not exist): inside the member
 * area's own frame, which already has the header and footer. Without this file Next.js would put the root
 * not-found page, with a second portal frame, here too, and render it on every member page view as the
 * fallback it keeps ready.
 */
export default function MemberNotFound() {
  return <NotFoundContent />;
}
