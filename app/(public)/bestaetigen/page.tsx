import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ConfirmEmailButton } from '@/components/identity/ConfirmEmailButton';
import { Banner } from '@/components/ui/Banner';
import { Card } from '@/components/ui/Card';
import { confirmationState } from '@/lib/identity/registration';
import { confirm } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('identity.confirm');
  return { title: t('title') };
}

/** Opening the link only shows the button: mail scanners open links, so only the press confirms. */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  // A link pasted twice (?token=a&token=b) gives an array: only a single string can be a token.
  const raw = (await searchParams).token;
  const token = typeof raw === 'string' ? raw : '';
  const t = await getTranslations('identity.confirm');
  const state = await confirmationState(token);
  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      {state === 'valid' ? (
        <ConfirmEmailButton token={token} action={confirm} />
      ) : (
        <div className="mt-4 flex flex-col gap-4">
          <Banner tone={state === 'used' ? 'info' : 'error'}>{t(`states.${state}`)}</Banner>
          <Link href="/login" className="font-semibold text-brand underline underline-offset-4">
            {t('toLogin')}
          </Link>
        </div>
      )}
    </Card>
  );
}
