'use client';

import { useState, useSyncExternalStore } from 'react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { browserSupportsWebAuthn, startAuthentication } from '@/components/security/webauthn-client';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import { signInWith } from './sign-in';

const knownErrors = ['invalid', 'biometric_disabled', 'rate_limited', 'locked', 'password_reset_required'] as const;

// Support for WebAuthn does not change while the page is open.
const noSubscription = () => () => undefined;

/**
 * "Mit Passkey anmelden": usernameless, the authenticator offers the passkeys it holds for this site.
 * The server checks the answer in the next-auth provider 'passkey' and creates the same session as a
 * password login.
 */
export function PasskeyLoginButton({ next = '/' }: { next?: string }) {
  const t = useTranslations('security.passkeyLogin');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Known only in the browser; the server's guess is replaced right after hydration.
  const supported = useSyncExternalStore(noSubscription, browserSupportsWebAuthn, () => false);

  async function login() {
    setError(null);
    setPending(true);
    try {
      const answer = await fetch('/api/passkeys/login-options', { method: 'POST' });
      const body = (await answer.json()) as { retryAfterSeconds?: number };
      if (answer.status === 429) {
        setError(t('errors.rate_limited', { minutes: Math.ceil((body.retryAfterSeconds ?? 60) / 60) }));
        return;
      }
      if (!answer.ok) throw new Error('options');
      const response = await startAuthentication({ optionsJSON: body as Parameters<typeof startAuthentication>[0]['optionsJSON'] });
      const outcome = await signInWith('passkey', { response: JSON.stringify(response) }, knownErrors);
      if (outcome.ok) {
        router.replace(next);
        router.refresh();
        return;
      }
      setError(outcome.code ? t(`errors.${outcome.code}`, { minutes: outcome.minutes }) : t('errors.unknown'));
    } catch (e) {
      const name = e instanceof Error ? e.name : '';
      setError(t(name === 'NotAllowedError' || name === 'AbortError' ? 'errors.cancelled' : 'errors.unknown'));
    } finally {
      setPending(false);
    }
  }

  if (!supported) return null;
  return (
    <div className="mt-6 flex flex-col gap-3">
      <p className="flex items-center gap-3 text-sm text-ink-muted before:h-px before:flex-1 before:bg-surface-line after:h-px after:flex-1 after:bg-surface-line">
        {t('or')}
      </p>
      <div aria-live="polite">{error && <Banner tone="error">{error}</Banner>}</div>
      <Button variant="secondary" onClick={login} disabled={pending} aria-disabled={pending || undefined} aria-describedby="passkey-login-hint" className="w-full">
        <Icon name="key" className="h-5 w-5" />
        {pending ? t('working') : t('button')}
      </Button>
      <p id="passkey-login-hint" className="text-sm text-ink-muted">
        {t('hint')}
      </p>
    </div>
  );
}
