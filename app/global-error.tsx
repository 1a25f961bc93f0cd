'use client';

import de from '@/lib/i18n/messages/de/errors.json';
import './globals.css';

// Replaces the root layout when that itself fails, so no message provider is available: the German
// catalogue is read directly (German is the default language).
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = de.generic;
  return (
    <html lang="de">
      <body>
        <main className="mx-auto flex min-h-screen max-w-lg flex-col items-start justify-center gap-4 px-4">
          <h1 className="text-2xl font-bold">{t.title}</h1>
          <p>{t.text}</p>
          {error.digest && <p className="text-sm">{t.reference.replace('{ref}', error.digest)}</p>}
          <button type="button" onClick={reset} className="rounded-lg bg-brand px-5 py-2.5 font-semibold text-white">
            {t.retry}
          </button>
        </main>
      </body>
    </html>
  );
}
