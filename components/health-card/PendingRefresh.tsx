'use client';

import { useEffect } from 'react';
import { useRouter } from 'next/navigation';

const POLL_MS = 5_000;

/** While a card is being made, the page looks again every few seconds and when it is due: no manual reload. */
export function PendingRefresh({ readyAt }: { readyAt: string }) {
  const router = useRouter();
  useEffect(() => {
    const due = Math.max(0, new Date(readyAt).getTime() - Date.now()) + 500;
    const timer = window.setTimeout(() => router.refresh(), due);
    const poll = window.setInterval(() => router.refresh(), POLL_MS);
    return () => {
      window.clearTimeout(timer);
      window.clearInterval(poll);
    };
  }, [readyAt, router]);
  return null;
}
