import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { RegistrationForm } from '@/components/identity/RegistrationForm';
import { Card } from '@/components/ui/Card';
import { getSession } from '@/lib/auth/session';
import { register } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('identity.registration');
  return { title: t('title') };
}

export default async function RegistrationPage() {
  const session = await getSession();
  if (session.status === 'active') redirect('/');
  const t = await getTranslations('identity.registration');
  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      <p className="mt-2 text-ink-muted">{t('intro')}</p>
      <RegistrationForm action={register} />
    </Card>
  );
}
