import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { NewPasswordForm } from '@/components/auth/NewPasswordForm';
import { SubmitButton } from '@/components/security/SubmitButton';
import { Banner } from '@/components/ui/Banner';
import { Card } from '@/components/ui/Card';
import { RESET_TOKEN_COOKIE, resetLinkState } from '@/lib/auth/recovery';
import { newPasswordAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.recovery.reset');
  return { title: t('title') };
}

const providers = ['nect', 'eid', 'gesundheitsid'] as const;
const identifiedErrors = ['cancelled', 'failed', 'expired', 'rate_limited', 'provider_unavailable', 'invalid'] as const;

/**
 * The link from the "Passwort vergessen?" mail. Opening it changes nothing (mail scanners open links):
 * first a new identification at a provider, then the new password. The token comes in the link, and
 * back from the provider in a cookie of this path (set by /api/identity/recover/start).
 */
export default async function NewPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[]; identified?: string | string[] }> }) {
  const params = await searchParams;
  const token = typeof params.token === 'string' ? params.token : ((await cookies()).get(RESET_TOKEN_COOKIE)?.value ?? '');
  const identifiedError = identifiedErrors.find((e) => e === params.identified);
  const t = await getTranslations('auth.recovery.reset');
  const link = await resetLinkState(token);
  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      {link.state === 'invalid' || link.state === 'used' || link.state === 'expired' ? (
        <div className="mt-4 flex flex-col gap-4">
          <Banner tone={link.state === 'used' ? 'info' : 'error'}>{t(`states.${link.state}`)}</Banner>
          <Link href={link.state === 'used' ? '/login' : '/passwort-vergessen'} className="font-semibold text-brand underline underline-offset-4">
            {link.state === 'used' ? t('toLogin') : t('requestNew')}
          </Link>
        </div>
      ) : link.state === 'identify' ? (
        <form action="/api/identity/recover/start" method="post" className="mt-4 flex flex-col gap-4">
          {identifiedError && <Banner tone="error">{t(`identifiedErrors.${identifiedError}`)}</Banner>}
          <p>{t('identifyIntro', { firstName: link.firstName })}</p>
          <input type="hidden" name="token" value={token} />
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-2 font-semibold">{t('provider')}</legend>
            {providers.map((provider, index) => (
              <label key={provider} className="flex min-h-11 items-center gap-3 rounded-lg border border-surface-line p-3">
                <input type="radio" name="provider" value={provider} defaultChecked={index === 0} className="h-5 w-5 accent-brand" />
                <span>{t(`providers.${provider}`)}</span>
              </label>
            ))}
          </fieldset>
          <SubmitButton className="w-full sm:w-fit">{t('identify')}</SubmitButton>
        </form>
      ) : (
        <div className="mt-4">
          <Banner tone="success">{t('identified')}</Banner>
          <NewPasswordForm token={token} action={newPasswordAction} />
        </div>
      )}
    </Card>
  );
}
