'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { requestReplacementAction } from '@/app/(member)/(smart)/profil/gesundheitskarte/actions';
import { newRequestKey } from '@/lib/health-card/request-key';

type Props = {
  limitNotice: ReactNode;
  /** A card is being made: nothing to request until it is ready. */
  inProgress: boolean;
  /** The current card's last valid day, formatted, when one is still valid: a new one needs a yes. */
  validUntil?: string;
};

/**
 * Requests a replacement certificate. The request key makes a double submit count once on the server;
 * the button is disabled while a request or a card is under way; a still-valid card is asked about.
 */
export function RequestForm({ limitNotice, inProgress, validUntil }: Props) {
  const t = useTranslations('healthCard');
  const router = useRouter();
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<'created' | 'limit' | 'error' | 'still_valid' | null>(null);
  const askFirst = Boolean(validUntil) || outcome === 'still_valid';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending || inProgress) return;
    setPending(true);
    setOutcome(null);
    const result = await requestReplacementAction({ requestKey, replaceValid: askFirst }).catch(() => null);
    setPending(false);
    if (result?.ok) {
      setOutcome('created');
      setRequestKey(newRequestKey());
      router.refresh();
    } else setOutcome(result?.message === 'limit' ? 'limit' : result?.message === 'still_valid' ? 'still_valid' : 'error');
  }

  const disabled = pending || inProgress;
  return (
    <form onSubmit={submit} className="flex flex-col gap-3">
      <div aria-live="polite">
        {outcome === 'created' && <Banner tone="success">{t('request.created')}</Banner>}
        {outcome === 'error' && <Banner tone="error">{t('errors.unknown')}</Banner>}
      </div>
      {outcome === 'limit' && limitNotice}
      {inProgress && <p className="text-ink-muted">{t('request.inProgress')}</p>}
      {!inProgress && askFirst && (
        <Banner tone="warning" title={validUntil ? t('request.stillValid', { date: validUntil }) : t('request.stillValidShort')}>
          {t('request.stillValidQuestion')}
        </Banner>
      )}
      <Button type="submit" disabled={disabled} aria-disabled={disabled} className="w-full sm:w-fit">
        {pending ? t('request.submitting') : inProgress ? t('request.inProgressButton') : askFirst ? t('request.submitAnyway') : t('request.submit')}
      </Button>
    </form>
  );
}
