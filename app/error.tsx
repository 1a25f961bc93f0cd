'use client';

import { useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/Button';
import de from '@/lib/i18n/messages/de/errors.json';
import en from '@/lib/i18n/messages/en/errors.json';

// The catalogue's texts imported directly, so that no page needs the message runtime in the browser just
// for this boundary; the language is the one the root layout set on <html lang>.
const texts = { de: de.generic, en: en.generic };
const noChange = () => () => undefined;
const documentLanguage = () => (document.documentElement.lang === 'en' ? 'en' : 'de');

// Shows only a reference number (Next's digest, which the server log carries), never the error itself.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = texts[useSyncExternalStore(noChange, documentLanguage, () => 'de' as const)];
  return (
    <main id="main" className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-start justify-center gap-4 px-4 py-10">
      <h1 className="text-2xl font-bold text-brand-dark">{t.title}</h1>
      <p>{t.text}</p>
      {error.digest && <p className="text-sm text-ink-muted">{t.reference.replace('{ref}', error.digest)}</p>}
      <Button onClick={reset}>{t.retry}</Button>
    </main>
  );
}
