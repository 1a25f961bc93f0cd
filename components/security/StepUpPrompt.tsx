'use client';

import { useEffect, useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { startAuthentication } from './webauthn-client';
import { Banner } from '@/components/ui/Banner';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { Icon } from '@/components/ui/Icon';
import {
  stepUpMethodsAction,
  stepUpOptionsAction,
  stepUpPasskeyAction,
  stepUpPasswordAction,
} from '@/app/(member)/profil/sicherheit/bestaetigen/actions';

type Methods = { passkey: boolean; password: boolean };

/**
 * Shown when a security change answered step_up_required: explains why, and lets the member confirm with
 * a passkey or, in a browser bound to them, with the password. The change itself is then repeated by
 * the caller (onConfirmed), which keeps whatever the member had typed; by default the page is refreshed.
 */
export function StepUpPrompt({ onConfirmed }: { onConfirmed?: () => void }) {
  const t = useTranslations('stepUp');
  const router = useRouter();
  const id = useId();
  const [methods, setMethods] = useState<Methods | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    let live = true;
    stepUpMethodsAction()
      .then((found) => live && setMethods(found))
      .catch(() => live && setMethods({ passkey: false, password: false }));
    return () => {
      live = false;
    };
  }, []);

  const confirmed = () => (onConfirmed ? onConfirmed() : router.refresh());

  async function withPasskey() {
    setError(null);
    setPending(true);
    try {
      const optionsJSON = await stepUpOptionsAction();
      if (!optionsJSON) {
        setError(t('errors.not_available'));
        return;
      }
      const response = await startAuthentication({ optionsJSON });
      const result = await stepUpPasskeyAction(response);
      if (result.ok) confirmed();
      else setError(result.message);
    } catch (e) {
      const name = e instanceof Error ? e.name : '';
      setError(t(name === 'NotAllowedError' || name === 'AbortError' ? 'errors.cancelled' : 'errors.invalid'));
    } finally {
      setPending(false);
    }
  }

  async function withPassword(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    if (!password) {
      setError(t('errors.required'));
      return;
    }
    setPending(true);
    try {
      const result = await stepUpPasswordAction(password);
      if (result.ok) {
        setPassword('');
        confirmed();
      } else setError(result.message);
    } catch {
      setError(t('errors.invalid'));
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-3 rounded-lg border-2 border-brand bg-brand-light p-4" data-testid="step-up-prompt">
      <h3 id={`${id}-title`} className="text-lg font-semibold text-brand-dark">
        {t('title')}
      </h3>
      <p>{t('why')}</p>
      <div aria-live="polite">{error && <Banner tone="error">{error}</Banner>}</div>
      {methods === null ? (
        <p className="text-ink-muted">{t('loading')}</p>
      ) : (
        <>
          {methods.passkey && (
            <Button onClick={withPasskey} disabled={pending} aria-disabled={pending || undefined} className="w-full sm:w-fit">
              <Icon name="key" className="h-5 w-5" />
              {t('passkey')}
            </Button>
          )}
          {methods.password && (
            <form onSubmit={withPassword} noValidate className="flex flex-col gap-3">
              <Field
                id={`${id}-password`}
                type="password"
                label={t('passwordLabel')}
                hint={t('passwordHint')}
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
              <Button type="submit" variant={methods.passkey ? 'secondary' : 'primary'} disabled={pending} aria-disabled={pending || undefined} className="w-full sm:w-fit">
                {t('passwordSubmit')}
              </Button>
            </form>
          )}
          {!methods.passkey && !methods.password && <Banner tone="warning">{t('noMethod')}</Banner>}
        </>
      )}
    </section>
  );
}
