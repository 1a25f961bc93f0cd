'use server';

import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import type { ChangePasswordState } from '@/components/security/ChangePasswordForm';
import { requireMember } from '@/lib/auth/session';
import { hasFreshStepUp } from '@/lib/auth/step-up';
import { requestMeta } from '@/lib/http/request-meta';
import { isAppError } from '@/lib/errors/app-error';
import { removeBoundBrowser } from '@/lib/security/devices';
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

/** The member has no fresh step-up: back to the section, where the page shows the StepUpPrompt. */
function needsStepUp(error: unknown): boolean {
  return isAppError(error) && error.code === 'step_up_required';
}

async function orStepUp(anchor: string, change: () => Promise<void>): Promise<void> {
  try {
    await change();
  } catch (error) {
    if (needsStepUp(error)) redirect(`${PAGE}?stepup=${anchor}#${anchor}`);
    throw error;
  }
}

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

export async function changePasswordAction(_previous: ChangePasswordState, formData: FormData): Promise<ChangePasswordState> {
  const session = await requireMember();
  const t = await getTranslations('security');
  const input = { currentPassword: text(formData, 'currentPassword'), newPassword: text(formData, 'newPassword'), confirmPassword: text(formData, 'confirmPassword') };
  let result;
  try {
    result = await changePassword(session, input, await requestMeta());
  } catch (error) {
    if (needsStepUp(error)) return { status: 'step_up', message: (await getTranslations('errors'))('app.step_up_required') };
    throw error;
  }
  if (result.ok) {
    revalidatePath(PAGE);
    return { status: 'ok', message: t('password.success') };
  }
  if (result.error === 'rate_limited') {
    return { status: 'error', message: t('errors.rate_limited', { minutes: Math.ceil(result.retryAfterSeconds / 60) }) };
  }
  return { status: 'error', message: t('errors.invalid'), errors: result.errors };
}

export type PasskeyOptionsAnswer = { ok: true; options: PublicKeyCredentialCreationOptionsJSON } | { ok: false; stepUp: true };

/** Refuses before the browser's passkey dialog opens when the change could not be saved anyway. */
export async function passkeyOptionsAction(): Promise<PasskeyOptionsAnswer> {
  const session = await requireMember();
  if (!hasFreshStepUp(session)) return { ok: false, stepUp: true };
  return { ok: true, options: await passkeyRegistrationOptions(session.member) };
}

export async function registerPasskeyAction(response: unknown, name: string): Promise<{ ok: true } | { ok: false; message: string; stepUp?: true }> {
  const session = await requireMember();
  const t = await getTranslations('security.passkeys.errors');
  try {
    const result = await registerPasskey(session, { response, name }, await requestMeta());
    if (!result.ok) return { ok: false, message: t(result.error) };
  } catch (error) {
    if (needsStepUp(error)) return { ok: false, stepUp: true, message: (await getTranslations('errors'))('app.step_up_required') };
    throw error;
  }
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
  const session = await requireMember();
  await orStepUp('passkeys', async () => {
    if ((await removePasskey(session, text(formData, 'id'), await requestMeta())) === 'not_found') notFound();
  });
  done('passkey_removed', 'passkeys');
}

export async function setBiometricAction(formData: FormData): Promise<void> {
  const session = await requireMember();
  await orStepUp('biometric', async () => {
    await setBiometricLogin(session, text(formData, 'enabled') === 'true', await requestMeta());
  });
  done('biometric', 'biometric');
}

export async function removeDeviceAction(formData: FormData): Promise<void> {
  const session = await requireMember();
  await orStepUp('devices', async () => {
    if ((await removeBoundBrowser(session, text(formData, 'id'), await requestMeta())) === 'not_found') notFound();
  });
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
