'use client';

import { useEffect, useRef } from 'react';
import { useRouter } from 'next/navigation';
import { deleteDeviceKey, loadDeviceKey, signChallenge } from './device-keys';

/**
 * Factor two after a login: if this browser holds a key bound to the member, it signs a fresh challenge
 * and the session counts as device-verified. Without a key nothing happens: smart features then ask for
 * a new identification. Renders nothing.
 */
export function DeviceCheck({ memberId, needed }: { memberId: string; needed: boolean }) {
  const router = useRouter();
  const tried = useRef(false);

  useEffect(() => {
    if (!needed || tried.current) return;
    tried.current = true;
    void (async () => {
      const stored = await loadDeviceKey(memberId).catch(() => undefined);
      if (!stored) return;
      const challengeResponse = await fetch('/api/device/challenge', { method: 'POST' });
      if (!challengeResponse.ok) return;
      const { challengeId, challenge } = (await challengeResponse.json()) as { challengeId: string; challenge: string };
      const signature = await signChallenge(stored.privateKey, challenge);
      const response = await fetch('/api/device/verify', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ challengeId, deviceId: stored.deviceId, signature }),
      });
      if (response.ok) {
        router.refresh();
        return;
      }
      const { error } = (await response.json().catch(() => ({}))) as { error?: string };
      // A removed browser or a key the server does not know: forget it, a new identification binds a new one.
      if (error === 'unknown_device' || error === 'bad_signature') await deleteDeviceKey(memberId);
    })().catch(() => undefined);
  }, [memberId, needed, router]);

  return null;
}
