import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SubmitButton } from '@/components/security/SubmitButton';
import { Banner } from '@/components/ui/Banner';
import { Card } from '@/components/ui/Card';
import { emailChangeLinkState } from '@/lib/profile/commands';
import { confirmEmailChangeAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('profile.confirmEmail');
  return { title: t('title') };
}

const results = ['done', 'invalid', 'used', 'expired'] as const;

/**
 * The link from the mail to a new email address. Opening it only shows the button (mail scanners open
 * links); the press confirms. No login needed: the link is the proof that the member reads that mailbox.
 */
export default async function ConfirmEmailChangePage({ searchParams }: { searchParams: Promise<{ token?: string | string[]; result?: string | string[] }> }) {
  const params = await searchParams;
  const token = typeof params.token === 'string' ? params.token : '';
  const result = results.find((r) => r === params.result);
  const t = await getTranslations('profile.confirmEmail');
  const link = await (result ? Promise.resolve(null) : emailChangeLinkState(token));
  const outcome = result ?? (link && link.state !== 'valid' ? link.state : null);
  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      {outcome ? (
        <div className="mt-4 flex flex-col gap-4">
          <Banner tone={outcome === 'done' ? 'success' : outcome === 'used' ? 'info' : 'error'}>{t(outcome)}</Banner>
          <Link href="/profil" className="font-semibold text-brand underline underline-offset-4">
            {t('toProfile')}
          </Link>
        </div>
      ) : (
        <form action={confirmEmailChangeAction} className="mt-4 flex flex-col gap-4">
          <p className="break-words">{t('intro', { email: link?.email ?? '' })}</p>
          <input type="hidden" name="token" value={token} />
          <SubmitButton className="w-full sm:w-fit">{t('confirm')}</SubmitButton>
        </form>
      )}
    </Card>
  );
}
