import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { AppError } from '@/lib/errors/app-error';
import { confirmStepUpWithPasskey, confirmStepUpWithPassword, stepUpMethods, stepUpPasskeyOptions } from '@/lib/auth/step-up';
import { loginWithPassword } from '@/lib/auth/login';
import { loginWithPasskey, passkeyLoginOptions } from '@/lib/auth/passkey';
import { removeBoundBrowser } from '@/lib/security/devices';
import { listNotifications, reportNotMe, reportNotMeByToken } from '@/lib/security/notices';
import { passkeyRegistrationOptions, registerPasskey, removePasskey } from '@/lib/security/passkeys';
import { changePassword } from '@/lib/security/password';
import { setBiometricLogin } from '@/lib/security/settings';
import { createMember } from '../../helpers/members';
import { assertPasskey, createPasskey } from './soft-authenticator';
import { confirmed, inBoundBrowser, meta, passwordSession, reread } from './step-up-helpers';

const stepUpRequired = (promise: Promise<unknown>) => expect(promise).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'step_up_required');

/** A member with one passkey (added with a confirmed step-up) and its software authenticator. */
async function memberWithPasskey() {
  const created = await createMember();
  const options = await passkeyRegistrationOptions(created.member);
  const { passkey, response } = createPasskey(options);
  const added = await registerPasskey(confirmed(created.member.id), { response, name: 'Eigenes Handy' }, meta);
  if (!added.ok) throw new Error('registration failed');
  return { ...created, passkey, passkeyId: added.passkeyId };
}

describe('a password-only session (no bound browser, no fresh step-up)', () => {
  it('can change no login factor, no bound browser and not the password', async () => {
    const { member, kvnr, password, passkeyId } = await memberWithPasskey();
    const device = await prisma.boundDevice.create({ data: { memberId: member.id, name: 'Echter Browser', publicKeyJwk: {} } });
    const session = await passwordSession(kvnr, password);
    expect(session.boundDeviceId).toBeNull();
    expect(session.stepUpAt).toBeNull();

    const foreign = createPasskey(await passkeyRegistrationOptions(member));
    await stepUpRequired(registerPasskey(session, { response: foreign.response, name: 'Angreifer' }, meta));
    await stepUpRequired(removePasskey(session, passkeyId, meta));
    await stepUpRequired(setBiometricLogin(session, false, meta));
    await stepUpRequired(removeBoundBrowser(session, device.id, meta));
    const next = 'ein ganz neues Passwort 2026';
    await stepUpRequired(changePassword(session, { currentPassword: password, newPassword: next, confirmPassword: next }, meta));

    // Nothing changed.
    expect(await prisma.passkey.findMany({ where: { memberId: member.id }, select: { id: true } })).toEqual([{ id: passkeyId }]);
    expect((await prisma.account.findUniqueOrThrow({ where: { memberId: member.id } })).biometricEnabled).toBe(true);
    expect((await prisma.boundDevice.findUniqueOrThrow({ where: { id: device.id } })).revokedAt).toBeNull();
    expect((await loginWithPassword({ kvnr, password }, meta)).ok).toBe(true);
  });

  it('cannot confirm with the password alone', async () => {
    const { kvnr, password } = await createMember();
    const session = await passwordSession(kvnr, password);
    expect(await stepUpMethods(session)).toEqual({ passkey: false, password: false, fresh: false });
    expect(await confirmStepUpWithPassword(session, password, meta)).toEqual({ ok: false, error: 'not_available' });
    expect((await reread(session.cookie)).stepUpAt).toBeNull();
  });
});

describe('confirming with a second factor', () => {
  it('a passkey of the member confirms once; then the session may add a passkey, for STEP_UP_MINUTES', async () => {
    const { member, kvnr, password, passkey } = await memberWithPasskey();
    const session = await passwordSession(kvnr, password);
    expect(await stepUpMethods(session)).toMatchObject({ passkey: true, password: false });

    const options = await stepUpPasskeyOptions(session);
    if (!options) throw new Error('no options');
    expect(options.userVerification).toBe('required');
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([Buffer.from(passkey.credentialId).toString('base64url')]);
    const answer = assertPasskey(passkey, options);
    expect(await confirmStepUpWithPasskey(session, answer, meta)).toEqual({ ok: true });
    // The challenge was single-use.
    expect(await confirmStepUpWithPasskey(session, answer, meta)).toEqual({ ok: false, error: 'invalid' });

    const fresh = await reread(session.cookie);
    expect(fresh.stepUpAt).not.toBeNull();
    const second = createPasskey(await passkeyRegistrationOptions(member));
    expect(await registerPasskey(fresh, { response: second.response, name: 'Laptop' }, meta)).toMatchObject({ ok: true });
    expect(await prisma.auditEvent.count({ where: { subjectMemberId: member.id, action: 'auth.step_up.confirmed' } })).toBe(1);

    // Later than the window: asked again.
    await prisma.session.update({ where: { id: session.sessionId }, data: { stepUpAt: new Date(Date.now() - env().STEP_UP_MINUTES * 60_000 - 1000) } });
    await stepUpRequired(setBiometricLogin(await reread(session.cookie), false, meta));
  });

  it('refuses another member\'s passkey and a passkey login\'s challenge', async () => {
    const { kvnr, password } = await memberWithPasskey();
    const stranger = await memberWithPasskey();
    const session = await passwordSession(kvnr, password);
    const options = await stepUpPasskeyOptions(session);
    if (!options) throw new Error('no options');
    expect(await confirmStepUpWithPasskey(session, assertPasskey(stranger.passkey, options), meta)).toEqual({ ok: false, error: 'invalid' });
    const own = await memberWithPasskey();
    const ownSession = await passwordSession(own.kvnr, own.password);
    expect(await confirmStepUpWithPasskey(ownSession, assertPasskey(own.passkey, await passkeyLoginOptions()), meta)).toEqual({ ok: false, error: 'invalid' });
    expect((await reread(ownSession.cookie)).stepUpAt).toBeNull();
  });

  it('in a bound browser the password confirms; wrong passwords are limited and audited', async () => {
    const { member, kvnr, password } = await createMember();
    const session = await inBoundBrowser(await passwordSession(kvnr, password));
    expect(await stepUpMethods(session)).toMatchObject({ password: true });
    for (let i = 0; i < env().LOGIN_MAX_ATTEMPTS - 1; i++) expect(await confirmStepUpWithPassword(session, 'falsch-falsch-falsch', meta)).toEqual({ ok: false, error: 'invalid' });
    expect(await confirmStepUpWithPassword(session, password, meta)).toEqual({ ok: true });
    // The right one gave its attempt back; the wrong ones still count.
    expect(await confirmStepUpWithPassword(session, 'falsch-falsch-falsch', meta)).toEqual({ ok: false, error: 'invalid' });
    expect(await confirmStepUpWithPassword(session, password, meta)).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(await prisma.auditEvent.count({ where: { subjectMemberId: member.id, action: 'auth.step_up.failed' } })).toBe(env().LOGIN_MAX_ATTEMPTS);

    const next = 'ein ganz neues Passwort 2026';
    expect(await changePassword(await reread(session.cookie), { currentPassword: password, newPassword: next, confirmPassword: next }, meta)).toMatchObject({ ok: true });
    expect(await removeBoundBrowser(await reread(session.cookie), session.deviceId, meta)).toBe('ok');
  });
});

describe('"Das war ich nicht" undoes what the notice reports', () => {
  it('removes the passkey that was added, ends every session and requires a new password', async () => {
    const { member, kvnr, password, passkey } = await memberWithPasskey();
    const session = await passwordSession(kvnr, password);
    const [notice] = await listNotifications(member.id);
    expect(notice?.kind).toBe('passkey_added');
    expect(await reportNotMe(member.id, notice?.id ?? '', meta)).toBe('ok');

    expect(await prisma.passkey.count({ where: { memberId: member.id } })).toBe(0);
    expect((await reread(session.cookie).catch((e: Error) => e.message))).toMatch(/revoked/);
    expect(await loginWithPassword({ kvnr, password }, meta)).toEqual({ ok: false, error: 'password_reset_required' });
    expect(await loginWithPasskey(assertPasskey(passkey, await passkeyLoginOptions()), meta)).toMatchObject({ ok: false });
  });

  it('by the email\'s link, removes the browser that was bound and switches biometric login off again', async () => {
    const { member, kvnr, password } = await createMember();
    const bound = await inBoundBrowser(await passwordSession(kvnr, password));
    const { notifySecurityEvent } = await import('@/lib/security/notices');
    await notifySecurityEvent(member.id, 'new_device', meta, { name: 'Chrome 131 · Linux' });
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { memberId: member.id, kind: 'security_notice.new_device' } });
    const token = /das-war-ich-nicht\?token=([\w-]+)/.exec(mail.text)?.[1] ?? '';
    expect(await reportNotMeByToken(token, meta)).toBe('ok');
    expect((await prisma.boundDevice.findUniqueOrThrow({ where: { id: bound.deviceId } })).revokedAt).not.toBeNull();
    expect(await loginWithPassword({ kvnr, password }, meta)).toEqual({ ok: false, error: 'password_reset_required' });

    await prisma.account.update({ where: { memberId: member.id }, data: { biometricEnabled: false, passwordResetRequiredAt: null } });
    await setBiometricLogin(confirmed(member.id), true, meta);
    const [enabled] = await listNotifications(member.id);
    expect(enabled?.kind).toBe('biometric_enabled');
    expect(await reportNotMe(member.id, enabled?.id ?? '', meta)).toBe('ok');
    expect((await prisma.account.findUniqueOrThrow({ where: { memberId: member.id } })).biometricEnabled).toBe(false);
  });
});
