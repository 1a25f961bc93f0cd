import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotMeConfirmation } from '@/components/security/NotMeConfirmation';
import { Card } from '@/components/ui/Card';
import { notMeByTokenAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notifications.notMePage');
  return { title: t('title') };
}

/**
 * Where the email's "Das war ich nicht" link lands. Opening the link changes nothing (mail scanners open
 * links too); the member confirms with a button.
 */
export default async function NotMePage({ searchParams }: { searchParams: Promise<{ token?: string; done?: string }> }) {
  const { token, done } = await searchParams;
  const t = await getTranslations('notifications.notMePage');
  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      <NotMeConfirmation action={notMeByTokenAction} token={token ?? ''} alreadyDone={done === '1'} />
    </Card>
  );
}
