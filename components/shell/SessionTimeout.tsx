'use client';

import { useEffect, useRef, useState } from 'react';
import { usePathname } from 'next/navigation';
import { Button } from '@/components/ui/Button';
import { endIdleSession, keepSessionAlive, logout } from '@/app/actions';

/** The dialog's texts (catalogue `session.timeout`, read on the server); `text` holds a `{time}` placeholder. */
export type SessionTimeoutTexts = { title: string; text: string; stay: string; logout: string };

type Props = { idleSeconds: number; texts: SessionTimeoutTexts; locale: string; timeZone: string };

// The server counts activity at most once a minute (lib/auth/session.ts): end a minute early to be safe.
const SERVER_TOUCH_SLACK_MS = 60_000;
const WARNING_LEAD_MS = 120_000;

/**
 * Warns before the idle timeout ends the session and lets the member stay logged in with one button
 * (WCAG 2.2.1 Timing Adjustable). Every navigation counts as activity, as it does on the server.
 */
// Its texts come as props, so member pages need no message catalogue or formatter in the browser.
export function SessionTimeout({ idleSeconds, texts, locale, timeZone }: Props) {
  const pathname = usePathname();
  const dialog = useRef<HTMLDialogElement>(null);
  const [endsAt, setEndsAt] = useState<Date | null>(null);
  // Bumped when the member chooses to stay: restarts the timers like a navigation does.
  const [renewals, setRenewals] = useState(0);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const deadline = Date.now() + Math.max(idleSeconds * 1000 - SERVER_TOUCH_SLACK_MS, WARNING_LEAD_MS);
    dialog.current?.close();
    const warn = setTimeout(() => {
      setEndsAt(new Date(deadline));
      if (!dialog.current?.open) dialog.current?.showModal();
    }, deadline - WARNING_LEAD_MS - Date.now());
    const end = setTimeout(() => void endIdleSession(), deadline - Date.now());
    return () => {
      clearTimeout(warn);
      clearTimeout(end);
    };
  }, [pathname, renewals, idleSeconds]);

  async function stay() {
    setPending(true);
    const result = await keepSessionAlive().catch(() => ({ ok: false }));
    setPending(false);
    if (!result.ok) {
      await endIdleSession();
      return;
    }
    setRenewals((n) => n + 1);
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby="session-timeout-title"
      aria-describedby="session-timeout-text"
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-card border border-surface-line bg-surface p-6 text-ink shadow-xl backdrop:bg-black/50"
    >
      <h2 id="session-timeout-title" className="text-xl font-bold text-brand-dark">
        {texts.title}
      </h2>
      <p id="session-timeout-text" className="mt-2">
        {texts.text.replace('{time}', endsAt ? new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(endsAt) : '')}
      </p>
      <div className="mt-5 flex flex-wrap gap-3">
        <Button onClick={stay} disabled={pending} autoFocus>
          {texts.stay}
        </Button>
        <form action={logout}>
          <Button type="submit" variant="secondary">
            {texts.logout}
          </Button>
        </form>
      </div>
    </dialog>
  );
}
