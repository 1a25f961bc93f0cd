import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from '@/components/auth/LoginForm';
import { PasskeyLoginButton } from '@/components/auth/PasskeyLoginButton';
import { GesundheitsIdLogin } from '@/components/identity/GesundheitsIdLogin';
import { Banner } from '@/components/ui/Banner';
import { Card } from '@/components/ui/Card';
import { safeNextPath } from '@/lib/auth/next-path';
import { getSession } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.login');
  return { title: t('title') };
}

const reasons = ['expired', 'idle', 'revoked', 'loggedout'] as const;

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ reason?: string; gesundheitsid?: string; next?: string | string[] }> }) {
  const session = await getSession();
  const { reason, gesundheitsid, next: requested } = await searchParams;
  // After the login: the page that sent the member here, if it is a path of this portal (else the Startseite).
  const next = safeNextPath(requested);
  if (session.status === 'active') redirect(next);
  const t = await getTranslations('auth.login');
  const known = reasons.find((r) => r === reason);
  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      <p className="mt-2 text-ink-muted">{t('intro')}</p>
      {known && (
        <div className="mt-4">
          <Banner tone={known === 'loggedout' ? 'success' : 'info'}>{t(`reason.${known}`)}</Banner>
        </div>
      )}
      <LoginForm next={next} />
      <PasskeyLoginButton next={next} />
      <GesundheitsIdLogin error={gesundheitsid} />
    </Card>
  );
}
