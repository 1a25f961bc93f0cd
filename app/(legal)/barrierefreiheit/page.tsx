import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { FeedbackForm } from '@/components/legal/FeedbackForm';
import { LegalText } from '@/components/legal/LegalText';
import { Card } from '@/components/ui/Card';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('legal.accessibility');
  return { title: t('title') };
}

export default async function AccessibilityPage() {
  const t = await getTranslations('legal.accessibility.form');
  return (
    <div className="flex flex-col gap-8">
      <LegalText page="accessibility" />
      <Card>
        <h2 id="feedback" className="text-xl font-semibold text-brand-dark">
          {t('title')}
        </h2>
        <p className="mb-4 mt-1 text-ink-muted">{t('lead')}</p>
        <FeedbackForm />
      </Card>
    </div>
  );
}
