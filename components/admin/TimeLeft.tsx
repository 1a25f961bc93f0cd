'use client';

import { useEffect, useState } from 'react';

/**
 * Minutes left of the impersonation, counting down; at zero the page reloads and the server ends it.
 * The words come from the server (`timeLeft` holds a `{minutes}` placeholder), so the member pages' bundle
 * needs no message runtime for the one string the banner counts down.
 */
export function TimeLeft({ endsAt, until, timeLeft }: { endsAt: string; until: string; timeLeft: string }) {
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
  return <span className="font-normal">{minutes === null ? until : `${timeLeft.replace('{minutes}', String(minutes))} (${until})`}</span>;
}
