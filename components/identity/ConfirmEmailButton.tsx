'use client';

import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';

type Outcome = 'ok' | 'invalid' | 'used' | 'expired' | 'unknown';

export function ConfirmEmailButton({ token, action }: { token: string; action: (token: string) => Promise<Exclude<Outcome, 'unknown'>> }) {
  const t = useTranslations('identity.confirm');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, startTransition] = useTransition();

  const onConfirm = () =>
    startTransition(async () => {
      setOutcome(await action(token).catch((): Outcome => 'unknown'));
    });

  return (
    <div className="mt-4 flex flex-col gap-4">
      <div aria-live="polite">
        {outcome === 'ok' && <Banner tone="success">{t('done')}</Banner>}
        {outcome && outcome !== 'ok' && <Banner tone="error">{t(`states.${outcome}`)}</Banner>}
      </div>
      {outcome === null || outcome === 'unknown' ? (
        <>
          <p>{t('text')}</p>
          <Button onClick={onConfirm} disabled={pending} aria-disabled={pending} className="w-full">
            {pending ? t('submitting') : t('submit')}
          </Button>
        </>
      ) : (
        <Link href="/login" className="font-semibold text-brand underline underline-offset-4">
          {t('toLogin')}
        </Link>
      )}
    </div>
  );
}
