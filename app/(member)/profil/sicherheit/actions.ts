'use server';

import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import type { ChangePasswordState } from '@/components/security/ChangePasswordForm';
import { requireMember } from '@/lib/auth/session';
import { requestMeta } from '@/lib/http/request-meta';
import { listBoundDevices, revokeBoundDevice } from '@/lib/identity/devices';
import { notifySecurityEvent } from '@/lib/security/notices';
import { passkeyRegistrationOptions, registerPasskey, removePasskey, renamePasskey } from '@/lib/security/passkeys';
import { changePassword } from '@/lib/security/password';
import { endMemberSession, endOtherSessions } from '@/lib/security/sessions';
import { setBiometricLogin } from '@/lib/security/settings';

const PAGE = '/profil/sicherheit';

/** Back to the page with a confirmation the page shows (works without JavaScript, too). */
function done(what: string, anchor: string, extra = ''): never {
  revalidatePath(PAGE);
  redirect(`${PAGE}?done=${what}${extra}#${anchor}`);
}

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

export async function changePasswordAction(_previous: ChangePasswordState, formData: FormData): Promise<ChangePasswordState> {
  const { memberId, sessionId } = await requireMember();
  const t = await getTranslations('security');
  const result = await changePassword(
    { memberId, sessionId },
    { currentPassword: text(formData, 'currentPassword'), newPassword: text(formData, 'newPassword'), confirmPassword: text(formData, 'confirmPassword') },
    await requestMeta(),
  );
  if (result.ok) {
    revalidatePath(PAGE);
    return { status: 'ok', message: t('password.success') };
  }
  if (result.error === 'rate_limited') {
    return { status: 'error', message: t('errors.rate_limited', { minutes: Math.ceil(result.retryAfterSeconds / 60) }) };
  }
  return { status: 'error', message: t('errors.invalid'), errors: result.errors };
}

export async function passkeyOptionsAction(): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { member } = await requireMember();
  return passkeyRegistrationOptions(member);
}

export async function registerPasskeyAction(response: unknown, name: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const { memberId } = await requireMember();
  const t = await getTranslations('security.passkeys.errors');
  const result = await registerPasskey(memberId, { response, name }, await requestMeta());
  if (!result.ok) return { ok: false, message: t(result.error) };
  revalidatePath(PAGE);
  return { ok: true };
}

export async function renamePasskeyAction(formData: FormData): Promise<void> {
  const { memberId } = await requireMember();
  const result = await renamePasskey(memberId, { id: text(formData, 'id'), name: text(formData, 'name') }, await requestMeta());
  if (result === 'not_found') notFound();
  if (result === 'invalid') redirect(`${PAGE}?error=passkey_name#passkeys`);
  done('passkey_renamed', 'passkeys');
}

export async function removePasskeyAction(formData: FormData): Promise<void> {
  const { memberId } = await requireMember();
  if ((await removePasskey(memberId, text(formData, 'id'), await requestMeta())) === 'not_found') notFound();
  done('passkey_removed', 'passkeys');
}

export async function setBiometricAction(formData: FormData): Promise<void> {
  const { memberId } = await requireMember();
  await setBiometricLogin(memberId, text(formData, 'enabled') === 'true', await requestMeta());
  done('biometric', 'biometric');
}

export async function removeDeviceAction(formData: FormData): Promise<void> {
  const { memberId } = await requireMember();
  const deviceId = text(formData, 'id');
  const meta = await requestMeta();
  const device = (await listBoundDevices(memberId)).find((d) => d.id === deviceId);
  if (!device || !(await revokeBoundDevice(memberId, deviceId, meta))) notFound();
  await notifySecurityEvent(memberId, 'device_removed', meta, { name: device.name });
  done('device_removed', 'devices');
}

export async function endSessionAction(formData: FormData): Promise<void> {
  const { memberId } = await requireMember();
  if ((await endMemberSession(memberId, text(formData, 'id'), await requestMeta())) === 'not_found') notFound();
  done('session_ended', 'sessions');
}

export async function endOtherSessionsAction(): Promise<void> {
  const { memberId, sessionId } = await requireMember();
  const count = await endOtherSessions(memberId, sessionId, await requestMeta());
  done('sessions_ended', 'sessions', `&count=${count}`);
}
