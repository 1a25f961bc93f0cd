import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LegalText } from '@/components/legal/LegalText';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('legal.privacy');
  return { title: t('title') };
}

export default function PrivacyPage() {
  return <LegalText page="privacy" />;
}
