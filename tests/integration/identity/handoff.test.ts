import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { completeIdentification } from '@/lib/identity/identification';
import { startTransaction } from '@/lib/identity/simulator/authorize';
import { finishTransaction, submitEidPin } from '@/lib/identity/simulator/flow';
import { signingKey } from '@/lib/identity/simulator/keys';
import { exchangeCode } from '@/lib/identity/simulator/token';
import { loggedInMember, meta, signedResult, simulatorFetch, walkProvider } from './helpers';

async function member(level: 'BASIC' | 'SMART' = 'BASIC') {
  const m = await loggedInMember(level);
  return { ...m, person: m.member };
}

describe('identification through a simulated provider', () => {
  it('makes a member smart after Robo-Ident, audited, and smart + smarthealth after eID', async () => {
    const m = await member();
    const { answer } = await walkProvider(m.person, m.caller, 'nect');
    const result = await completeIdentification(answer, m.caller, meta, { fetch: simulatorFetch() });
    expect(result).toMatchObject({ ok: true, provider: 'nect', smarthealth: false });
    const after = await prisma.member.findUniqueOrThrow({ where: { id: m.member.id } });
    expect(after).toMatchObject({ level: 'SMART', smarthealthUnlocked: false });
    const actions = (await prisma.auditEvent.findMany({ where: { subjectMemberId: m.member.id }, orderBy: { createdAt: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['identity.started', 'identity.verified']));

    const eid = await walkProvider(m.person, m.caller, 'eid');
    expect(await completeIdentification(eid.answer, m.caller, meta, { fetch: simulatorFetch() })).toMatchObject({ ok: true, smarthealth: true });
    expect((await prisma.member.findUniqueOrThrow({ where: { id: m.member.id } })).smarthealthUnlocked).toBe(true);
  });

  it('refuses an identity whose name or birth date differs from the insurer record', async () => {
    const m = await member();
    for (const variant of ['wrong_name', 'wrong_birthdate'] as const) {
      const { answer } = await walkProvider(m.person, m.caller, 'nect', { variant });
      expect(await completeIdentification(answer, m.caller, meta, { fetch: simulatorFetch() })).toMatchObject({ ok: false, reason: 'identity_mismatch' });
    }
    expect((await prisma.member.findUniqueOrThrow({ where: { id: m.member.id } })).level).toBe('BASIC');
    expect(await prisma.auditEvent.count({ where: { subjectMemberId: m.member.id, action: 'identity.failed' } })).toBe(2);
  });

  it('passes on the provider outcome (face mismatch, cancelled) and audits it', async () => {
    const m = await member();
    const face = await walkProvider(m.person, m.caller, 'nect', { outcome: 'face_mismatch' });
    expect(face.answer.code).toBeNull();
    expect(await completeIdentification(face.answer, m.caller, meta)).toMatchObject({ ok: false, reason: 'face_mismatch' });
    const cancelled = await walkProvider(m.person, m.caller, 'nect', { outcome: 'cancelled' });
    expect(await completeIdentification(cancelled.answer, m.caller, meta)).toMatchObject({ ok: false, reason: 'cancelled' });
    const audits = await prisma.auditEvent.findMany({ where: { subjectMemberId: m.member.id, action: 'identity.failed' } });
    expect(audits.map((a) => (a.details as { reason: string }).reason).sort()).toEqual(['cancelled', 'face_mismatch']);
  });

  it('refuses a result signed by another key (forged)', async () => {
    const m = await member();
    const { answer } = await walkProvider(m.person, m.caller);
    const real = await signingKey('nect');
    const forger = await generateKeyPair('ES256');
    const forge = async (body: Record<string, unknown>) => {
      const claims = decodeJwt(String(body.id_token));
      const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: real.kid }).sign(forger.privateKey);
      return { ...body, id_token: forged };
    };
    expect(await completeIdentification(answer, m.caller, meta, { fetch: simulatorFetch(forge) })).toMatchObject({ ok: false, reason: 'invalid_token' });
    expect((await prisma.member.findUniqueOrThrow({ where: { id: m.member.id } })).level).toBe('BASIC');
    expect(await exportJWK(forger.publicKey)).not.toEqual(real.publicJwk);
  });

  it('refuses a replayed result (same jti), even for a hand-off with the same nonce', async () => {
    const m = await member();
    let captured = '';
    const first = await walkProvider(m.person, m.caller);
    const keep = (body: Record<string, unknown>) => {
      captured = String(body.id_token);
      return body;
    };
    expect((await completeIdentification(first.answer, m.caller, meta, { fetch: simulatorFetch(keep) })).ok).toBe(true);

    const second = await walkProvider(m.person, m.caller);
    // Same nonce as the captured result, so only the jti can give the replay away.
    await prisma.identityRequest.updateMany({ where: { memberId: m.member.id, completedAt: null }, data: { nonce: first.nonce } });
    const replay = () => ({ id_token: captured, token_type: 'Bearer' });
    expect(await completeIdentification(second.answer, m.caller, meta, { fetch: simulatorFetch(replay) })).toMatchObject({ ok: false, reason: 'replayed' });
  });

  it('refuses an expired result, one for another audience, one from another issuer and one with a wrong nonce', async () => {
    const m = await member();
    const claims = { given_name: m.person.firstName, family_name: m.person.lastName, birthdate: '1985-04-12', kvnr: m.person.kvnr };
    const cases = [
      { reason: 'expired_token', token: (nonce: string) => signedResult('nect', { ...claims, nonce }, { expiresAt: Math.floor(Date.now() / 1000) - 120 }) },
      { reason: 'invalid_token', token: (nonce: string) => signedResult('nect', { ...claims, nonce }, { audience: 'another-portal' }) },
      { reason: 'invalid_token', token: (nonce: string) => signedResult('nect', { ...claims, nonce }, { issuer: 'https://idp.example/other' }) },
      { reason: 'wrong_nonce', token: () => signedResult('nect', { ...claims, nonce: 'a-nonce-of-another-hand-off' }) },
    ];
    for (const { reason, token } of cases) {
      const { answer, nonce } = await walkProvider(m.person, m.caller);
      const swap = async () => ({ id_token: await token(nonce), token_type: 'Bearer' });
      expect(await completeIdentification(answer, m.caller, meta, { fetch: simulatorFetch(swap) })).toMatchObject({ ok: false, reason });
    }
    // The same, correctly made, passes: the cases above fail for the one thing each gets wrong.
    const { answer, nonce } = await walkProvider(m.person, m.caller);
    const good = async () => ({ id_token: await signedResult('nect', { ...claims, nonce }), token_type: 'Bearer' });
    expect((await completeIdentification(answer, m.caller, meta, { fetch: simulatorFetch(good) })).ok).toBe(true);
  });

  it('refuses a wrong state: unknown, of another session, or used before', async () => {
    const m = await member();
    const { answer } = await walkProvider(m.person, m.caller);
    expect(await completeIdentification({ ...answer, state: 'made-up-state-value' }, m.caller, meta, { fetch: simulatorFetch() })).toMatchObject({ ok: false, reason: 'invalid_state' });

    const other = await loggedInMember();
    const foreignSession = { memberId: m.member.id, sessionId: other.sessionId };
    expect(await completeIdentification(answer, foreignSession, meta, { fetch: simulatorFetch() })).toMatchObject({ ok: false, reason: 'invalid_state' });
    expect(await completeIdentification(answer, other.caller, meta, { fetch: simulatorFetch() })).toMatchObject({ ok: false, reason: 'invalid_state' });

    expect((await completeIdentification(answer, m.caller, meta, { fetch: simulatorFetch() })).ok).toBe(true);
    expect(await completeIdentification(answer, m.caller, meta, { fetch: simulatorFetch() })).toMatchObject({ ok: false, reason: 'invalid_state' });
  });

  it('pauses identification after repeated failures, with the time to try again', async () => {
    const m = await member();
    for (let i = 0; i < env().IDENTIFY_MAX_FAILURES; i++) {
      const { answer } = await walkProvider(m.person, m.caller, 'nect', { outcome: 'liveness_failed' });
      await completeIdentification(answer, m.caller, meta);
    }
    await expect(walkProvider(m.person, m.caller)).rejects.toThrow('rate_limited');
  });
});

describe('the simulated token endpoint', () => {
  it('gives a code out once, only with the right PKCE verifier', async () => {
    const m = await member();
    const verifier = 'v'.repeat(50);
    const challenge = (await import('@/lib/identity/crypto')).pkceChallenge(verifier);
    const redirect = `${env().origin}/api/identity/callback`;
    const query = new URLSearchParams({
      response_type: 'code', client_id: 'hek-smart-portal', redirect_uri: redirect, scope: 'openid', state: 's'.repeat(20), nonce: 'n'.repeat(20),
      code_challenge: challenge, code_challenge_method: 'S256', login_hint: m.person.kvnr,
    });
    const started = await startTransaction('nect', query);
    if (!started.ok) throw new Error('authorize failed');
    const finished = await finishTransaction('nect', started.transactionId, { outcome: 'success', variant: 'record' });
    if (!finished.ok) throw new Error('finish failed');
    const code = new URL(finished.redirectTo).searchParams.get('code') ?? '';
    const form = (v: string) => new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: v, client_id: 'hek-smart-portal', redirect_uri: redirect });
    expect((await exchangeCode('nect', form('w'.repeat(50)))).body.error).toBe('invalid_grant');
    // The failed try used the code up: a stolen code plus guessing gets nothing either.
    expect((await exchangeCode('nect', form(verifier))).body.error).toBe('invalid_grant');

    const plain = new URLSearchParams(query);
    plain.set('code_challenge_method', 'plain');
    expect(await startTransaction('nect', plain)).toMatchObject({ ok: false, error: 'invalid_request' });
    const foreign = new URLSearchParams(query);
    foreign.set('redirect_uri', 'https://evil.example/callback');
    expect(await startTransaction('nect', foreign)).toEqual({ ok: false, error: 'invalid_redirect_uri' });
  });

  it('blocks the simulated card PIN after three wrong PINs; success then comes back as pin_blocked', async () => {
    const m = await member();
    const started = await (await import('@/lib/identity/identification')).startIdentification(
      { method: 'eid', privacy: true, firstName: m.person.firstName, lastName: m.person.lastName, kvnr: m.person.kvnr },
      m.caller,
      meta,
    );
    if (!started.ok) throw new Error('start failed');
    const tx = await startTransaction('eid', new URL(started.redirectTo).searchParams);
    if (!tx.ok) throw new Error('authorize failed');
    expect(await submitEidPin(tx.transactionId, '000000', meta)).toEqual({ status: 'wrong', remaining: 2 });
    expect(await submitEidPin(tx.transactionId, '111111', meta)).toEqual({ status: 'wrong', remaining: 1 });
    expect(await submitEidPin(tx.transactionId, '222222', meta)).toEqual({ status: 'blocked' });
    expect(await submitEidPin(tx.transactionId, '123456', meta)).toEqual({ status: 'blocked' });
    const finished = await finishTransaction('eid', tx.transactionId, { outcome: 'success', variant: 'record' });
    expect(finished.ok && new URL(finished.redirectTo).searchParams.get('error_description')).toBe('pin_blocked');
  });
});
