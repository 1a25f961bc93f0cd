import { describe, expect, it } from 'vitest';
import { encode } from 'next-auth/jwt';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { loginWithPasskey, passkeyLoginOptions } from '@/lib/auth/passkey';
import { resolveSession } from '@/lib/auth/session';
import { listPasskeys, passkeyRegistrationOptions, registerPasskey, removePasskey, renamePasskey } from '@/lib/security/passkeys';
import { setBiometricLogin } from '@/lib/security/settings';
import { createMember } from '../../helpers/members';
import { assertPasskey, createPasskey } from './soft-authenticator';
import { confirmed } from './step-up-helpers';

const meta = { ip: '198.51.100.4', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' };

async function memberWithPasskey() {
  const created = await createMember();
  const options = await passkeyRegistrationOptions(created.member);
  const { passkey, response } = createPasskey(options);
  const result = await registerPasskey(confirmed(created.member.id), { response, name: 'Testgerät' }, meta);
  if (!result.ok) throw new Error(`registration failed: ${result.error}`);
  return { ...created, passkey, passkeyId: result.passkeyId };
}

describe('adding a passkey', () => {
  it('asks for a discoverable credential with user verification, and stores key, counter and flags', async () => {
    const { member } = await createMember();
    const options = await passkeyRegistrationOptions(member);
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' });
    expect(options.rp.id).toBe(env().rpId);

    const { response } = createPasskey(options);
    const result = await registerPasskey(confirmed(member.id), { response, name: '  Mein Laptop ' }, meta);
    expect(result.ok).toBe(true);
    const stored = await prisma.passkey.findFirstOrThrow({ where: { memberId: member.id } });
    expect(stored).toMatchObject({ credentialId: response.id, name: 'Mein Laptop', counter: 0n, transports: ['internal'], credentialDeviceType: 'singleDevice', credentialBackedUp: false, lastUsedAt: null });
    expect(stored.publicKey.length).toBeGreaterThan(60);

    // Audited, noticed in the portal and by email, in the same transaction.
    expect(await prisma.auditEvent.count({ where: { subjectMemberId: member.id, action: 'security.passkey.added' } })).toBe(1);
    expect(await prisma.notification.count({ where: { memberId: member.id, kind: 'passkey_added' } })).toBe(1);
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { memberId: member.id, kind: 'security_notice.passkey_added' } });
    expect(mail.text).toContain('Mein Laptop');
    expect(mail.text).toMatch(/\/das-war-ich-nicht\?token=/);
  });

  it('refuses an answer to another member\'s challenge, a replayed answer and one without user verification', async () => {
    const { member } = await createMember();
    const other = await createMember();
    const foreign = createPasskey(await passkeyRegistrationOptions(other.member));
    expect(await registerPasskey(confirmed(member.id), { response: foreign.response }, meta)).toEqual({ ok: false, error: 'failed' });

    const options = await passkeyRegistrationOptions(member);
    const { response } = createPasskey(options);
    expect((await registerPasskey(confirmed(member.id), { response }, meta)).ok).toBe(true);
    expect(await registerPasskey(confirmed(member.id), { response }, meta)).toEqual({ ok: false, error: 'failed' });

    const noUv = createPasskey(await passkeyRegistrationOptions(member), { userVerified: false });
    expect(await registerPasskey(confirmed(member.id), { response: noUv.response }, meta)).toEqual({ ok: false, error: 'failed' });
    expect(await prisma.passkey.count({ where: { memberId: member.id } })).toBe(1);
  });
});

describe('logging in with a passkey', () => {
  it('creates a server session like the password login, and accepts a counter that stays 0', async () => {
    const { member, passkey, passkeyId } = await memberWithPasskey();
    for (let i = 0; i < 2; i++) {
      const options = await passkeyLoginOptions();
      expect(options.userVerification).toBe('required');
      expect(options.allowCredentials ?? []).toEqual([]);
      const result = await loginWithPasskey(assertPasskey(passkey, options), meta);
      if (!result.ok) throw new Error(`login failed: ${result.error}`);
      expect(result.memberId).toBe(member.id);
      const cookie = await encode({ token: { sid: result.token }, secret: env().authSecret });
      expect(await resolveSession(cookie)).toMatchObject({ status: 'active', memberId: member.id });
    }
    const stored = await prisma.passkey.findUniqueOrThrow({ where: { id: passkeyId } });
    expect(stored.counter).toBe(0n);
    expect(stored.lastUsedAt).not.toBeNull();
    expect(await prisma.auditEvent.count({ where: { subjectMemberId: member.id, action: 'auth.login.success' } })).toBe(2);
  });

  it('stores a rising counter and refuses one that goes back', async () => {
    const { passkey, passkeyId } = await memberWithPasskey();
    expect((await loginWithPasskey(assertPasskey(passkey, await passkeyLoginOptions(), { counter: 5 }), meta)).ok).toBe(true);
    expect((await prisma.passkey.findUniqueOrThrow({ where: { id: passkeyId } })).counter).toBe(5n);
    expect(await loginWithPasskey(assertPasskey(passkey, await passkeyLoginOptions(), { counter: 3 }), meta)).toEqual({ ok: false, error: 'invalid' });
  });

  it('fails with a reused challenge', async () => {
    const { passkey } = await memberWithPasskey();
    const answer = assertPasskey(passkey, await passkeyLoginOptions());
    expect((await loginWithPasskey(answer, meta)).ok).toBe(true);
    expect(await loginWithPasskey(answer, meta)).toEqual({ ok: false, error: 'invalid' });
  });

  it('fails with an expired challenge', async () => {
    const { passkey } = await memberWithPasskey();
    const options = await passkeyLoginOptions();
    await prisma.webAuthnChallenge.update({ where: { challenge: options.challenge }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await loginWithPasskey(assertPasskey(passkey, options), meta)).toEqual({ ok: false, error: 'invalid' });
  });

  it('fails for another origin, another relying party, a made-up challenge or an unknown passkey', async () => {
    const { passkey } = await memberWithPasskey();
    expect(await loginWithPasskey(assertPasskey(passkey, await passkeyLoginOptions(), { origin: 'https://hek-phishing.example' }), meta)).toMatchObject({ ok: false });
    expect(await loginWithPasskey(assertPasskey(passkey, await passkeyLoginOptions(), { rpId: 'hek-phishing.example' }), meta)).toMatchObject({ ok: false });
    const madeUp = { ...(await passkeyLoginOptions()), challenge: 'bm90LWlzc3VlZC1ieS10aGUtcG9ydGFs' };
    expect(await loginWithPasskey(assertPasskey(passkey, madeUp), meta)).toMatchObject({ ok: false });
    const stranger = createPasskey(await passkeyRegistrationOptions((await createMember()).member)).passkey;
    expect(await loginWithPasskey(assertPasskey(stranger, await passkeyLoginOptions()), meta)).toMatchObject({ ok: false });
    expect(await loginWithPasskey({ id: 'x' }, meta)).toMatchObject({ ok: false });
  });

  it('refuses the login with a clear reason while biometric login is switched off', async () => {
    const { member, passkey } = await memberWithPasskey();
    expect(await setBiometricLogin(confirmed(member.id), false, meta)).toBe('changed');
    expect(await setBiometricLogin(confirmed(member.id), false, meta)).toBe('unchanged');
    expect(await loginWithPasskey(assertPasskey(passkey, await passkeyLoginOptions()), meta)).toEqual({ ok: false, error: 'biometric_disabled' });
    expect(await prisma.session.count({ where: { memberId: member.id } })).toBe(0);
    expect(await prisma.notification.count({ where: { memberId: member.id, kind: 'biometric_disabled' } })).toBe(1);

    await setBiometricLogin(confirmed(member.id), true, meta);
    expect((await loginWithPasskey(assertPasskey(passkey, await passkeyLoginOptions()), meta)).ok).toBe(true);
  });

  it('locks a passkey out for a while after too many failed attempts', async () => {
    const { passkey } = await memberWithPasskey();
    const madeUp = { ...(await passkeyLoginOptions()), challenge: 'bm90LWlzc3VlZC1ieS10aGUtcG9ydGFs' };
    for (let i = 0; i < env().LOGIN_MAX_ATTEMPTS; i++) {
      expect(await loginWithPasskey(assertPasskey(passkey, madeUp), meta)).toEqual({ ok: false, error: 'invalid' });
    }
    const blocked = await loginWithPasskey(assertPasskey(passkey, await passkeyLoginOptions()), meta);
    expect(blocked).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(blocked.ok === false && 'retryAfterSeconds' in blocked && blocked.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('managing passkeys', () => {
  it('renames and removes the member\'s own passkey, and treats another member\'s as not found', async () => {
    const { member, passkeyId } = await memberWithPasskey();
    const other = await createMember();

    expect(await renamePasskey(other.member.id, { id: passkeyId, name: 'Gekapert' }, meta)).toBe('not_found');
    expect(await removePasskey(confirmed(other.member.id), passkeyId, meta)).toBe('not_found');
    expect(await renamePasskey(member.id, { id: passkeyId, name: 'x'.repeat(61) }, meta)).toBe('invalid');

    expect(await renamePasskey(member.id, { id: passkeyId, name: 'Diensthandy' }, meta)).toBe('ok');
    expect((await listPasskeys(member.id)).map((p) => p.name)).toEqual(['Diensthandy']);
    expect(await removePasskey(confirmed(member.id), passkeyId, meta)).toBe('ok');
    expect(await listPasskeys(member.id)).toEqual([]);
    expect(await prisma.notification.count({ where: { memberId: member.id, kind: 'passkey_removed' } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { subjectMemberId: member.id, action: { in: ['security.passkey.renamed', 'security.passkey.removed'] } } })).toBe(2);
  });
});
