import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ForgotPasswordForm } from '@/components/auth/ForgotPasswordForm';
import { Card } from '@/components/ui/Card';
import { forgotPasswordAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.recovery.forgot');
  return { title: t('title') };
}

/** "Passwort vergessen?" from the login page: asks for the KVNR and sends a link (lib/auth/recovery.ts). */
export default async function ForgotPasswordPage() {
  const t = await getTranslations('auth.recovery.forgot');
  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      <p className="mt-2 text-ink-muted">{t('intro')}</p>
      <ForgotPasswordForm action={forgotPasswordAction} />
      <p className="mt-6 text-ink-muted">{t('noEmail')}</p>
      <p className="mt-4">
        <Link href="/login" className="font-semibold text-brand underline underline-offset-4">
          {t('toLogin')}
        </Link>
      </p>
    </Card>
  );
}
