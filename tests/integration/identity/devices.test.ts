import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { smartAccess } from '@/lib/auth/access';
import { createSession, resolveSession } from '@/lib/auth/session';
import { bindDevice, createDeviceChallenge, deviceChallengeMessage, listBoundDevices, revokeBoundDevice, verifyDeviceSignature } from '@/lib/identity/devices';
import { completeIdentification } from '@/lib/identity/identification';
import { cookieFor, loggedInMember, meta, simulatorFetch, walkProvider } from './helpers';

const subtle = crypto.webcrypto.subtle;

async function browserKey() {
  const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  return { pair, publicKeyJwk: await subtle.exportKey('jwk', pair.publicKey) };
}

async function sign(privateKey: CryptoKey, challenge: string) {
  const signature = await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, new TextEncoder().encode(deviceChallengeMessage(challenge)));
  return Buffer.from(signature).toString('base64url');
}

async function access(token: string) {
  const session = await resolveSession(await cookieFor(token));
  if (session.status !== 'active') throw new Error(`session ${session.status}`);
  return smartAccess(session);
}

/** A member identified in one session whose browser got bound: the state after "Jetzt zu smart wechseln". */
async function boundMember() {
  const m = await loggedInMember();
  const { answer } = await walkProvider(m.member, m.caller);
  expect((await completeIdentification(answer, m.caller, meta, { fetch: simulatorFetch() })).ok).toBe(true);
  const key = await browserKey();
  const bound = await bindDevice(m.caller, key.publicKeyJwk, meta);
  if (!bound.ok) throw new Error(bound.error);
  return { ...m, key, deviceId: bound.deviceId };
}

describe('device binding (the second factor)', () => {
  it('binds a browser only after an identification of the same session, once', async () => {
    const m = await loggedInMember('SMART');
    const key = await browserKey();
    expect(await bindDevice(m.caller, key.publicKeyJwk, meta)).toEqual({ ok: false, error: 'no_identification' });

    const bound = await boundMember();
    expect(await access(bound.token)).toEqual({ ok: true });
    expect(await bindDevice(bound.caller, (await browserKey()).publicKeyJwk, meta)).toEqual({ ok: false, error: 'no_identification' });
    const devices = await listBoundDevices(bound.member.id);
    expect(devices).toHaveLength(1);
    expect(devices[0]?.name).toContain('Chrome');
    expect(await prisma.notification.count({ where: { memberId: bound.member.id, kind: 'new_device' } })).toBe(1);
  });

  it('refuses a key with a private part or of the wrong kind', async () => {
    const m = await loggedInMember();
    const { answer } = await walkProvider(m.member, m.caller);
    await completeIdentification(answer, m.caller, meta, { fetch: simulatorFetch() });
    const extractable = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const privateJwk = await subtle.exportKey('jwk', extractable.privateKey);
    expect(await bindDevice(m.caller, privateJwk, meta)).toEqual({ ok: false, error: 'invalid_key' });
    expect(await bindDevice(m.caller, { kty: 'RSA', n: 'x', e: 'AQAB' }, meta)).toEqual({ ok: false, error: 'invalid_key' });
  });

  it('a new login needs the bound browser to sign a challenge; the challenge works once', async () => {
    const bound = await boundMember();
    const { token, session } = await createSession(bound.member.id, meta);
    const caller = { memberId: bound.member.id, sessionId: session.id };
    expect(await access(token)).toEqual({ ok: false, reason: 'device' });

    const { challengeId, challenge } = await createDeviceChallenge(session.id);
    const signature = await sign(bound.key.pair.privateKey, challenge);
    expect(await verifyDeviceSignature(caller, { challengeId, deviceId: bound.deviceId, signature }, meta)).toEqual({ ok: true });
    expect(await access(token)).toEqual({ ok: true });
    expect(await verifyDeviceSignature(caller, { challengeId, deviceId: bound.deviceId, signature }, meta)).toEqual({ ok: false, error: 'invalid_challenge' });
  });

  it('refuses a signature by another key, a challenge of another session and an expired challenge', async () => {
    const bound = await boundMember();
    const { token, session } = await createSession(bound.member.id, meta);
    const caller = { memberId: bound.member.id, sessionId: session.id };

    const other = await browserKey();
    const first = await createDeviceChallenge(session.id);
    const forged = await sign(other.pair.privateKey, first.challenge);
    expect(await verifyDeviceSignature(caller, { challengeId: first.challengeId, deviceId: bound.deviceId, signature: forged }, meta)).toEqual({ ok: false, error: 'bad_signature' });

    const foreign = await createDeviceChallenge(bound.sessionId);
    const signed = await sign(bound.key.pair.privateKey, foreign.challenge);
    expect(await verifyDeviceSignature(caller, { challengeId: foreign.challengeId, deviceId: bound.deviceId, signature: signed }, meta)).toEqual({ ok: false, error: 'invalid_challenge' });

    const late = await createDeviceChallenge(session.id);
    await prisma.deviceChallenge.update({ where: { id: late.challengeId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const lateSignature = await sign(bound.key.pair.privateKey, late.challenge);
    expect(await verifyDeviceSignature(caller, { challengeId: late.challengeId, deviceId: bound.deviceId, signature: lateSignature }, meta)).toEqual({ ok: false, error: 'invalid_challenge' });
    expect(await access(token)).toEqual({ ok: false, reason: 'device' });
  });

  it('a removed browser loses smart access in every session it verified, and cannot verify again', async () => {
    const bound = await boundMember();
    const stranger = await loggedInMember();
    expect(await revokeBoundDevice(stranger.member.id, bound.deviceId, meta)).toBe(false);
    expect(await access(bound.token)).toEqual({ ok: true });

    expect(await revokeBoundDevice(bound.member.id, bound.deviceId, meta)).toBe(true);
    expect(await access(bound.token)).toEqual({ ok: false, reason: 'device' });
    expect(await listBoundDevices(bound.member.id)).toEqual([]);
    const { challengeId, challenge } = await createDeviceChallenge(bound.sessionId);
    const signature = await sign(bound.key.pair.privateKey, challenge);
    expect(await verifyDeviceSignature(bound.caller, { challengeId, deviceId: bound.deviceId, signature }, meta)).toEqual({ ok: false, error: 'unknown_device' });
  });
});
