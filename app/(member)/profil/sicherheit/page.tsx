import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AddPasskey } from '@/components/security/AddPasskey';
import { ChangePasswordForm } from '@/components/security/ChangePasswordForm';
import { LazyStepUpPrompt } from '@/components/security/LazyStepUpPrompt';
import { SubmitButton } from '@/components/security/SubmitButton';
import { BackLink } from '@/components/ui/BackLink';
import { Banner } from '@/components/ui/Banner';
import { Card, PageHeading } from '@/components/ui/Card';
import { Field } from '@/components/ui/Field';
import { requireMember } from '@/lib/auth/session';
import { hasFreshStepUp } from '@/lib/auth/step-up';
import { listBoundDevices } from '@/lib/identity/devices';
import { listPasskeys } from '@/lib/security/passkeys';
import { PASSKEY_NAME_MAX_LENGTH } from '@/lib/security/schema';
import { listActiveSessions } from '@/lib/security/sessions';
import { securitySettings } from '@/lib/security/settings';
import {
  changePasswordAction,
  endOtherSessionsAction,
  endSessionAction,
  passkeyOptionsAction,
  registerPasskeyAction,
  removeDeviceAction,
  removePasskeyAction,
  renamePasskeyAction,
  setBiometricAction,
} from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('security');
  return { title: t('title') };
}

const confirmations = {
  passkey_added: 'passkeys.added',
  passkey_renamed: 'passkeys.renamed',
  passkey_removed: 'passkeys.removed',
  biometric: 'saved',
  device_removed: 'devices.removed',
  session_ended: 'sessions.ended',
} as const;

const sectionHeading = 'mb-3 scroll-mt-24 text-xl font-semibold text-brand-dark';
const row = 'flex flex-col gap-3 border-t border-surface-line py-4 first:border-t-0 first:pt-0 sm:flex-row sm:items-start sm:justify-between';

export default async function SecurityPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string; count?: string; error?: string; stepup?: string }>;
}) {
  const session = await requireMember();
  const { memberId, sessionId, boundDeviceId } = session;
  const [settings, passkeys, devices, sessions] = await Promise.all([
    securitySettings(memberId),
    listPasskeys(memberId),
    listBoundDevices(memberId),
    listActiveSessions(memberId, sessionId),
  ]);
  const t = await getTranslations('security');
  const format = await getFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });
  const { done, count, error, stepup } = await searchParams;
  const s = await getTranslations('stepUp');
  // A change in this section answered step_up_required: ask for the confirmation there, then the member repeats it.
  const stepUpFor = (section: string) =>
    stepup === section &&
    (hasFreshStepUp(session) ? <Banner tone="success">{s('confirmed')}</Banner> : <LazyStepUpPrompt />);
  const confirmation =
    done === 'sessions_ended'
      ? t('sessions.endedOthers', { count: Number(count) || 0 })
      : done && done in confirmations
        ? t(confirmations[done as keyof typeof confirmations])
        : null;

  return (
    <div className="flex flex-col gap-6">
      <BackLink href="/profil">{t('backToProfile')}</BackLink>
      <PageHeading lead={t('intro')}>{t('title')}</PageHeading>
      {confirmation && <Banner tone="success">{confirmation}</Banner>}
      {error === 'passkey_name' && <Banner tone="error">{t('passkeys.errors.invalid_name')}</Banner>}

      <Card>
        <h2 id="passwort" className={sectionHeading}>
          {t('password.title')}
        </h2>
        <p className="mb-1 text-ink-muted">{t('password.intro')}</p>
        <p className="mb-4 text-sm text-ink-muted">{t('password.lastChanged', { date: when(settings.passwordChangedAt) })}</p>
        <ChangePasswordForm action={changePasswordAction} />
      </Card>

      <Card>
        <h2 id="biometric" className={sectionHeading}>
          {t('biometric.title')}
        </h2>
        <p className="mb-4 text-ink-muted">{t('biometric.intro')}</p>
        <div className="mb-4 empty:hidden">{stepUpFor('biometric')}</div>
        <form action={setBiometricAction} className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <p className="font-medium">{settings.biometricEnabled ? t(passkeys.length > 0 ? 'biometric.on' : 'biometric.onNoPasskey') : t('biometric.off')}</p>
          <input type="hidden" name="enabled" value={settings.biometricEnabled ? 'false' : 'true'} />
          <SubmitButton variant="secondary">{settings.biometricEnabled ? t('biometric.turnOff') : t('biometric.turnOn')}</SubmitButton>
        </form>

        <h3 id="passkeys" className="mb-2 mt-6 scroll-mt-24 text-lg font-semibold">
          {t('passkeys.title')}
        </h3>
        <div className="mb-4 empty:hidden">{stepUpFor('passkeys')}</div>
        {passkeys.length === 0 ? (
          <p className="mb-4 text-ink-muted">{t('passkeys.empty')}</p>
        ) : (
          <ul className="mb-4">
            {passkeys.map((passkey) => (
              <li key={passkey.id} className={row}>
                <div className="min-w-0">
                  <p className="break-words font-semibold">{passkey.name}</p>
                  <p className="text-sm text-ink-muted">
                    {t('passkeys.created', { date: when(passkey.createdAt) })} ·{' '}
                    {passkey.lastUsedAt ? t('passkeys.lastUsed', { date: when(passkey.lastUsedAt) }) : t('passkeys.neverUsed')}
                    {passkey.credentialBackedUp && ` · ${t('passkeys.synced')}`}
                  </p>
                </div>
                <div className="flex flex-wrap items-start gap-2">
                  <details className="group">
                    <summary className="inline-flex min-h-11 cursor-pointer list-none items-center rounded-lg px-4 font-semibold text-brand hover:bg-brand-light [&::-webkit-details-marker]:hidden">
                      {t('passkeys.rename')}
                    </summary>
                    <form action={renamePasskeyAction} className="mt-2 flex flex-col gap-2">
                      <input type="hidden" name="id" value={passkey.id} />
                      <Field
                        id={`rename-${passkey.id}`}
                        name="name"
                        label={t('passkeys.renameLabel', { name: passkey.name })}
                        defaultValue={passkey.name}
                        maxLength={PASSKEY_NAME_MAX_LENGTH}
                        required
                      />
                      <SubmitButton variant="secondary">{t('passkeys.rename')}</SubmitButton>
                    </form>
                  </details>
                  <form action={removePasskeyAction}>
                    <input type="hidden" name="id" value={passkey.id} />
                    <SubmitButton variant="ghost" aria-label={t('passkeys.removeLabel', { name: passkey.name })}>
                      {t('passkeys.remove')}
                    </SubmitButton>
                  </form>
                </div>
              </li>
            ))}
          </ul>
        )}
        <AddPasskey optionsAction={passkeyOptionsAction} registerAction={registerPasskeyAction} returnTo="/profil/sicherheit?done=passkey_added#passkeys" />
      </Card>

      <Card>
        <h2 id="devices" className={sectionHeading}>
          {t('devices.title')}
        </h2>
        <p className="mb-4 text-ink-muted">{t('devices.intro')}</p>
        <div className="mb-4 empty:hidden">{stepUpFor('devices')}</div>
        {devices.length === 0 ? (
          <p className="text-ink-muted">{t('devices.empty')}</p>
        ) : (
          <ul>
            {devices.map((device) => (
              <li key={device.id} className={row}>
                <div className="min-w-0">
                  <p className="break-words font-semibold">
                    {device.name}
                    {device.id === boundDeviceId && <span className="ml-2 rounded bg-success-light px-1.5 text-sm font-semibold text-success">{t('devices.thisBrowser')}</span>}
                  </p>
                  <p className="text-sm text-ink-muted">
                    {t('devices.created', { date: when(device.createdAt) })} ·{' '}
                    {device.lastUsedAt ? t('devices.lastUsed', { date: when(device.lastUsedAt) }) : t('devices.neverUsed')}
                  </p>
                </div>
                <form action={removeDeviceAction}>
                  <input type="hidden" name="id" value={device.id} />
                  <SubmitButton variant="ghost" aria-label={t('devices.removeLabel', { name: device.name })}>
                    {t('devices.remove')}
                  </SubmitButton>
                </form>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card>
        <h2 id="sessions" className={sectionHeading}>
          {t('sessions.title')}
        </h2>
        <p className="mb-4 text-ink-muted">{t('sessions.intro')}</p>
        <ul>
          {sessions.map((session) => {
            const device =
              session.device.browser && session.device.os
                ? t('sessions.device', { browser: session.device.browser, os: session.device.os })
                : (session.device.browser ?? session.device.os ?? t('sessions.unknownDevice'));
            return (
              <li key={session.id} className={row} data-testid="session">
                <div className="min-w-0">
                  <p className="break-words font-semibold">
                    {device} <span className="font-normal text-ink-muted">({t(`sessions.kind.${session.device.kind}`)})</span>
                  </p>
                  {session.current && <p className="w-fit rounded bg-success-light px-2 py-0.5 text-sm font-semibold">{t('sessions.current')}</p>}
                  <p className="text-sm text-ink-muted">
                    {t('sessions.started', { date: when(session.createdAt) })} · {t('sessions.lastSeen', { date: when(session.lastSeenAt) })}
                  </p>
                  {session.ip && <p className="text-sm text-ink-muted">{t('sessions.ip', { ip: session.ip })}</p>}
                </div>
                {!session.current && (
                  <form action={endSessionAction}>
                    <input type="hidden" name="id" value={session.id} />
                    <SubmitButton variant="secondary" aria-label={t('sessions.endLabel', { device })}>
                      {t('sessions.end')}
                    </SubmitButton>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
        {sessions.length > 1 && (
          <form action={endOtherSessionsAction} className="mt-4">
            <SubmitButton variant="danger">{t('sessions.endOthers')}</SubmitButton>
          </form>
        )}
      </Card>
    </div>
  );
}
