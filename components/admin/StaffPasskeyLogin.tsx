'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@/components/security/webauthn-client';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';

type Props = {
  optionsAction: () => Promise<PublicKeyCredentialRequestOptionsJSON>;
  loginAction: (response: unknown) => Promise<{ ok: boolean; error?: 'invalid' | 'rate_limited' }>;
};

/** The staff login: a passkey, nothing else (no password, no username). */
export function StaffPasskeyLogin({ optionsAction, loginAction }: Props) {
  const t = useTranslations('admin.login');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function login() {
    setError(null);
    setPending(true);
    try {
      const response = await startAuthentication({ optionsJSON: await optionsAction() });
      const result = await loginAction(response);
      if (result.ok) {
        router.replace('/admin');
        router.refresh();
        return;
      }
      setError(t(result.error === 'rate_limited' ? 'rateLimited' : 'failed'));
    } catch (e) {
      const name = e instanceof Error ? e.name : '';
      setError(t(name === 'NotAllowedError' || name === 'AbortError' ? 'cancelled' : 'failed'));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <div aria-live="polite">{error && <Banner tone="error">{error}</Banner>}</div>
      <Button onClick={login} disabled={pending} aria-disabled={pending || undefined} className="w-full">
        <Icon name="key" className="h-5 w-5" />
        {pending ? t('working') : t('button')}
      </Button>
    </div>
  );
}
