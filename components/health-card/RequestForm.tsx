'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { requestReplacementAction } from '@/lib/health-card/actions';
import { newRequestKey } from '@/lib/health-card/request-key';

/** Requests a replacement certificate; the request key makes a double submit count once on the server. */
export function RequestForm({ limitNotice }: { limitNotice: ReactNode }) {
  const t = useTranslations('healthCard');
  const router = useRouter();
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<'created' | 'limit' | 'error' | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setOutcome(null);
    const result = await requestReplacementAction({ requestKey }).catch(() => null);
    setPending(false);
    if (result?.ok) {
      setOutcome('created');
      setRequestKey(newRequestKey());
      router.refresh();
    } else setOutcome(result?.message === 'limit' ? 'limit' : 'error');
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3">
      <div aria-live="polite">
        {outcome === 'created' && <Banner tone="success">{t('request.created')}</Banner>}
        {outcome === 'error' && <Banner tone="error">{t('errors.unknown')}</Banner>}
      </div>
      {outcome === 'limit' && limitNotice}
      <Button type="submit" disabled={pending} aria-disabled={pending} className="w-full sm:w-fit">
        {pending ? t('request.submitting') : t('request.submit')}
      </Button>
    </form>
  );
}
