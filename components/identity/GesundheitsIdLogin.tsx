import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';

const errors = ['invalid_state', 'cancelled', 'failed', 'no_account', 'locked', 'email_unconfirmed', 'rate_limited'] as const;

/**
 * "Mit GesundheitsID anmelden" and the way to the registration, below the password form. A plain form
 * (POST), so the hand-off starts without JavaScript too.
 */
export async function GesundheitsIdLogin({ error }: { error?: string }) {
  const t = await getTranslations('auth.login');
  const known = errors.find((e) => e === error);
  return (
    <div className="mt-6 flex flex-col gap-4">
      <p className="flex items-center gap-3 text-sm text-ink-muted before:h-px before:flex-1 before:bg-surface-line after:h-px after:flex-1 after:bg-surface-line">
        {t('or')}
      </p>
      {known && <Banner tone={known === 'cancelled' ? 'info' : 'error'}>{t(`gesundheitsIdErrors.${known}`)}</Banner>}
      <form action="/api/identity/login/start" method="post" className="flex flex-col gap-1.5">
        <Button type="submit" variant="secondary" className="w-full" aria-describedby="gesundheitsid-hint">
          {t('gesundheitsId')}
        </Button>
        <p id="gesundheitsid-hint" className="text-sm text-ink-muted">
          {t('gesundheitsIdHint')}
        </p>
      </form>
      <p className="border-t border-surface-line pt-4 text-center">
        {t('noAccount')}{' '}
        <Link href="/registrieren" className="font-semibold text-brand underline underline-offset-4">
          {t('register')}
        </Link>
      </p>
    </div>
  );
}
