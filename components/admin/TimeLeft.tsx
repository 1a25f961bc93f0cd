'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';

/** Minutes left of the impersonation, counting down; at zero the page reloads and the server ends it. */
export function TimeLeft({ endsAt, until }: { endsAt: string; until: string }) {
  const t = useTranslations('admin.banner');
  const end = new Date(endsAt).getTime();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => {
      setNow(Date.now());
      if (Date.now() >= end) window.location.reload();
    };
    tick();
    const timer = setInterval(tick, 15_000);
    return () => clearInterval(timer);
  }, [end]);
  const minutes = now === null ? null : Math.max(0, Math.ceil((end - now) / 60_000));
  return (
    <span className="font-normal">
      {minutes === null ? until : `${t('timeLeft', { minutes })} (${until})`}
    </span>
  );
}
