import type { Metadata } from 'next';
import Link from 'next/link';
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

const reasons = ['expired', 'idle', 'revoked', 'loggedout', 'password_reset'] as const;

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ reason?: string; gesundheitsid?: string; next?: string | string[] }> }) {
  const session = await getSession();
  const { reason, gesundheitsid, next: requested } = await searchParams;
  // After the login: the page that sent the member here, if it is a path of this portal (else the Startseite).
  const next = safeNextPath(requested);
  if (session.status === 'active') redirect(next);
  const t = await getTranslations('auth.login');
  const r = await getTranslations('auth.recovery.forgot');
  const known = reasons.find((r) => r === reason);
  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      <p className="mt-2 text-ink-muted">{t('intro')}</p>
      {known && (
        <div className="mt-4">
          <Banner tone={known === 'loggedout' || known === 'password_reset' ? 'success' : 'info'}>{t(`reason.${known}`)}</Banner>
        </div>
      )}
      <LoginForm next={next} />
      <p className="mt-3">
        <Link href="/passwort-vergessen" className="font-semibold text-brand underline underline-offset-4">
          {r('link')}
        </Link>
      </p>
      <PasskeyLoginButton next={next} />
      <GesundheitsIdLogin error={gesundheitsid} />
    </Card>
  );
}
