'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/Button';

// Shows only a reference number (Next's digest, which the server log carries), never the error itself.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors.generic');
  return (
    <main id="main" className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-start justify-center gap-4 px-4 py-10">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      <p>{t('text')}</p>
      {error.digest && <p className="text-sm text-ink-muted">{t('reference', { ref: error.digest })}</p>}
      <Button onClick={reset}>{t('retry')}</Button>
    </main>
  );
}
