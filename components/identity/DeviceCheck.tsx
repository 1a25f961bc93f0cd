'use client';

import { useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { deleteDeviceKey, loadDeviceKey, signChallenge } from './device-keys';

// What the background check has found out, shared by the check (in the member layout) and the gates
// on the page. Until it has answered, a gate says "Browser wird geprüft …" instead of offering an
// identification the bound browser does not need.
type CheckState = { memberId: string | null; status: 'checking' | 'failed' };
let state: CheckState = { memberId: null, status: 'checking' };
const listeners = new Set<() => void>();
const CHECKING: CheckState = { memberId: null, status: 'checking' };

function setState(next: CheckState) {
  state = next;
  for (const listener of listeners) listener();
}
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** How long a gate waits for the check before offering the identification anyway. */
const CHECK_TIMEOUT_MS = 10_000;

/**
 * Factor two after a login: if this browser holds a key bound to the member, it signs a fresh challenge
 * and the session counts as device-verified. Without a key (or when the server refuses it) the check has
 * failed, and smart features ask for a new identification. Renders nothing.
 */
export function DeviceCheck({ memberId, needed }: { memberId: string; needed: boolean }) {
  const router = useRouter();
  const tried = useRef(false);

  useEffect(() => {
    if (!needed || tried.current) return;
    tried.current = true;
    if (state.memberId !== memberId) setState({ memberId, status: 'checking' });
    let settled = false;
    const settle = (failed: boolean) => {
      if (settled) return;
      settled = true;
      window.clearTimeout(timer);
      if (failed) setState({ memberId, status: 'failed' });
    };
    const timer = window.setTimeout(() => settle(true), CHECK_TIMEOUT_MS);
    void (async () => {
      const stored = await loadDeviceKey(memberId).catch(() => undefined);
      if (!stored) return settle(true);
      const challengeResponse = await fetch('/api/device/challenge', { method: 'POST' });
      if (!challengeResponse.ok) return settle(true);
      const { challengeId, challenge } = (await challengeResponse.json()) as { challengeId: string; challenge: string };
      const signature = await signChallenge(stored.privateKey, challenge);
      const response = await fetch('/api/device/verify', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ challengeId, deviceId: stored.deviceId, signature }),
      });
      if (response.ok) {
        // The page is rendered again for a verified session: the gate is gone, nothing to offer meanwhile.
        settle(false);
        router.refresh();
        return;
      }
      const { error } = (await response.json().catch(() => ({}))) as { error?: string };
      // A removed browser or a key the server does not know: forget it, a new identification binds a new one.
      if (error === 'unknown_device' || error === 'bad_signature') await deleteDeviceKey(memberId);
      settle(true);
    })().catch(() => settle(true));
    return () => window.clearTimeout(timer);
  }, [memberId, needed, router]);

  return null;
}

/**
 * Wraps the "identify this browser" offer: while the background check runs it shows a neutral status,
 * and the offer only once the check has failed (no key here, or the key was refused). The status text
 * comes from the server-rendered gate, so that member pages need no message catalogue in the browser for it.
 */
export function DeviceCheckPending({ memberId, checkingText, children }: { memberId: string; checkingText: string; children: ReactNode }) {
  const current = useSyncExternalStore(subscribe, () => state, () => CHECKING);
  if (current.memberId === memberId && current.status === 'failed') return <>{children}</>;
  return (
    <p role="status" className="flex min-h-11 items-center gap-3 rounded-card border border-surface-line bg-surface p-5 text-ink-muted">
      <span aria-hidden="true" className="h-4 w-4 animate-spin rounded-full border-2 border-brand border-t-transparent motion-reduce:animate-none" />
      {checkingText}
    </p>
  );
}
