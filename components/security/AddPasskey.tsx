'use client';

import { useId, useState, useSyncExternalStore } from 'react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { browserSupportsWebAuthn, startRegistration, type PublicKeyCredentialCreationOptionsJSON } from './webauthn-client';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { PASSKEY_NAME_MAX_LENGTH } from '@/lib/security/choices';
import { LazyStepUpPrompt } from './LazyStepUpPrompt';

type Props = {
  optionsAction: () => Promise<{ ok: true; options: PublicKeyCredentialCreationOptionsJSON } | { ok: false; stepUp: true }>;
  registerAction: (response: unknown, name: string) => Promise<{ ok: true } | { ok: false; message: string; stepUp?: true }>;
  returnTo: string;
};

// Support for WebAuthn does not change while the page is open.
const noSubscription = () => () => undefined;

/** Creates a passkey in the browser's authenticator (fingerprint, face or device PIN) and stores it. */
export function AddPasskey({ optionsAction, registerAction, returnTo }: Props) {
  const t = useTranslations('security.passkeys');
  const s = useTranslations('stepUp');
  const router = useRouter();
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // A new passkey is a new login factor: without a fresh step-up the server refuses, and the prompt shows.
  const [stepUp, setStepUp] = useState<'needed' | 'confirmed' | null>(null);
  // Known only in the browser; the server's guess is replaced right after hydration.
  const supported = useSyncExternalStore(noSubscription, browserSupportsWebAuthn, () => true);

  async function add() {
    setError(null);
    setPending(true);
    try {
      const answer = await optionsAction();
      if (!answer.ok) {
        setStepUp('needed');
        return;
      }
      const response = await startRegistration({ optionsJSON: answer.options });
      const result = await registerAction(response, name);
      if (!result.ok) {
        if (result.stepUp) setStepUp('needed');
        else setError(result.message);
        return;
      }
      setStepUp(null);
      setName('');
      router.replace(returnTo);
      router.refresh();
    } catch (e) {
      const reason = e instanceof Error ? e.name : '';
      setError(t(reason === 'InvalidStateError' ? 'errors.exists' : reason === 'NotAllowedError' || reason === 'AbortError' ? 'errors.cancelled' : 'errors.failed'));
    } finally {
      setPending(false);
    }
  }

  if (!supported) return <Banner tone="warning">{t('unsupported')}</Banner>;
  return (
    <div className="flex flex-col gap-3">
      <Field
        id={`${id}-name`}
        label={t('nameLabel')}
        hint={t('nameHint')}
        maxLength={PASSKEY_NAME_MAX_LENGTH}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <div aria-live="polite">
        {error && <Banner tone="error">{error}</Banner>}
        {stepUp === 'confirmed' && <Banner tone="success">{s('confirmed')}</Banner>}
      </div>
      {stepUp === 'needed' && <LazyStepUpPrompt onConfirmed={() => setStepUp('confirmed')} />}
      <Button onClick={add} disabled={pending} aria-disabled={pending || undefined} className="w-full sm:w-fit">
        {pending ? t('adding') : t('add')}
      </Button>
    </div>
  );
}
