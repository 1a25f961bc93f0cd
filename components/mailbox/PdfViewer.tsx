'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';

/**
 * Shows the letter's PDF in the page. The file is fetched and framed as a blob: URL: the portal's
 * responses forbid being framed (frame-ancestors 'none'), a blob document carries no such header, and
 * the page's CSP allows frame-src blob:. The download link stays as the fallback.
 */
export function PdfViewer({ src, title, downloadHref }: { src: string; title: string; downloadHref: string }) {
  const t = useTranslations('mailbox.letter');
  const [state, setState] = useState<{ url: string | null; failed: boolean }>({ url: null, failed: false });

  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;
    fetch(src, { credentials: 'same-origin', cache: 'no-store' })
      .then((response) => (response.ok ? response.blob() : Promise.reject(new Error(String(response.status)))))
      .then((blob) => {
        if (cancelled) return;
        url = URL.createObjectURL(blob);
        setState({ url, failed: false });
      })
      .catch(() => !cancelled && setState({ url: null, failed: true }));
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [src]);

  if (state.failed) {
    return (
      <p className="rounded-lg bg-surface-subtle p-4">
        {t('viewerFallback')}{' '}
        <a href={downloadHref} className="font-semibold text-brand underline">
          {t('download')}
        </a>
      </p>
    );
  }
  if (!state.url) {
    return (
      <p role="status" className="flex h-[70vh] min-h-96 items-center justify-center rounded-lg border border-surface-line bg-surface-subtle text-ink-muted">
        {t('viewerLoading')}
      </p>
    );
  }
  return <iframe src={state.url} title={title} data-testid="letter-pdf" className="h-[70vh] min-h-96 w-full rounded-lg border border-surface-line" />;
}
