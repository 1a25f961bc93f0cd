'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Banner } from '@/components/ui/Banner';
import { buttonClass } from '@/components/ui/Button';
import { deleteDeviceKey, generateDeviceKeyPair, saveDeviceKey } from './device-keys';

/**
 * Right after a successful identification: creates this browser's key pair, sends the public key to the
 * portal and keeps the private key in IndexedDB. From now on this browser is the member's second factor.
 */
export function DeviceBinder({ memberId }: { memberId: string }) {
  const t = useTranslations('identity.done');
  const router = useRouter();
  const [state, setState] = useState<'binding' | 'bound' | 'failed'>('binding');
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    // Leaving the page while binding would leave the binding half done: the browser asks first.
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    void (async () => {
      const pair = await generateDeviceKeyPair();
      const publicKeyJwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
      // The key is kept before the server hears of it: whenever the page is left, either the server has
      // no such browser, or this browser holds its key. A key the server never bound is dropped by the
      // next device check.
      const deviceId = crypto.randomUUID();
      await saveDeviceKey({ memberId, deviceId, privateKey: pair.privateKey });
      const response = await fetch('/api/device/bind', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ publicKeyJwk, deviceId }),
      });
      if (!response.ok) {
        await deleteDeviceKey(memberId).catch(() => undefined);
        throw new Error('bind failed');
      }
      setState('bound');
      router.refresh();
    })()
      .catch(() => setState('failed'))
      .finally(() => window.removeEventListener('beforeunload', warn));
  }, [memberId, router]);

  return (
    <div aria-live="polite" className="flex flex-col gap-4">
      {state === 'binding' && <p>{t('binding')}</p>}
      {state === 'bound' && <Banner tone="success">{t('bound')}</Banner>}
      {state === 'failed' && (
        <>
          <Banner tone="error">{t('bindFailed')}</Banner>
          <Link href="/smart" className={buttonClass('secondary', 'w-fit')}>
            {t('retry')}
          </Link>
        </>
      )}
    </div>
  );
}
