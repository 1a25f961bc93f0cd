import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { pkceChallenge } from '@/lib/identity/crypto';
import { completeIdentification, startIdentification } from '@/lib/identity/identification';
import { startTransaction } from '@/lib/identity/simulator/authorize';
import { finishTransaction, loadTransaction, SIMULATED_PUK, SIMULATED_PIN, submitEidPin, unblockWithPuk } from '@/lib/identity/simulator/flow';
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

  it('accepts an ID token without jti, and refuses a replayed code even under a fresh hand-off', async () => {
    const m = await member();
    let idToken = '';
    const first = await walkProvider(m.person, m.caller);
    const keep = (body: Record<string, unknown>) => {
      idToken = String(body.id_token);
      return body;
    };
    expect((await completeIdentification(first.answer, m.caller, meta, { fetch: simulatorFetch(keep) })).ok).toBe(true);
    expect(decodeJwt(idToken).jti).toBeUndefined();

    // The code of the first answer under the state of a second hand-off: the provider's code is single-use.
    const second = await walkProvider(m.person, m.caller);
    const replayed = { ...second.answer, code: first.answer.code };
    expect(await completeIdentification(replayed, m.caller, meta, { fetch: simulatorFetch() })).toMatchObject({ ok: false, reason: 'token_exchange_failed' });
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
      const swap = async (body: Record<string, unknown>) => ({ ...body, id_token: await token(nonce) });
      expect(await completeIdentification(answer, m.caller, meta, { fetch: simulatorFetch(swap) })).toMatchObject({ ok: false, reason });
    }
    // The same, correctly made, passes: the cases above fail for the one thing each gets wrong.
    const { answer, nonce } = await walkProvider(m.person, m.caller);
    const good = async (body: Record<string, unknown>) => ({ ...body, id_token: await signedResult('nect', { ...claims, nonce }) });
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

  it('does not count answers that belong to no open hand-off of this session towards the pause (forged callbacks)', async () => {
    const m = await member();
    for (let i = 0; i < env().IDENTIFY_MAX_FAILURES + 2; i++) {
      expect(await completeIdentification({ state: `forged-${i}`, code: 'x' }, m.caller, meta)).toMatchObject({ ok: false, reason: 'invalid_state' });
    }
    const { answer } = await walkProvider(m.person, m.caller);
    expect((await completeIdentification(answer, m.caller, meta, { fetch: simulatorFetch() })).ok).toBe(true);
  });
});

describe('the simulated token endpoint', () => {
  it('gives a code out once, only with the right PKCE verifier', async () => {
    const m = await member();
    const verifier = 'v'.repeat(50);
    const challenge = pkceChallenge(verifier);
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

  it('blocks the PIN after three wrong PINs in this transaction only; success then comes back as pin_blocked', async () => {
    const m = await member();
    const tx = await eidTransaction(m);
    expect(await submitEidPin(tx.transactionId, '000000', meta)).toEqual({ status: 'wrong', remaining: 2 });
    expect(await submitEidPin(tx.transactionId, '111111', meta)).toEqual({ status: 'wrong', remaining: 1 });
    expect(await submitEidPin(tx.transactionId, '222222', meta)).toEqual({ status: 'blocked' });
    expect(await submitEidPin(tx.transactionId, '123456', meta)).toEqual({ status: 'blocked' });
    const finished = await finishTransaction('eid', tx.transactionId, { outcome: 'success', variant: 'record' });
    expect(finished.ok && new URL(finished.redirectTo).searchParams.get('error_description')).toBe('pin_blocked');

    // Another transaction with the same login_hint (anyone can write one): that card is not blocked.
    const next = await eidTransaction(m);
    expect(await submitEidPin(next.transactionId, '123456', meta)).toEqual({ status: 'ok' });
  });

  it('limits the PUK per transaction, and PIN and PUK per address', async () => {
    const m = await member();
    const tx = await eidTransaction(m);
    const here = { ...meta, ip: '203.0.113.77' };
    for (const pin of ['000000', '111111', '222222']) await submitEidPin(tx.transactionId, pin, here);
    expect(await unblockWithPuk(tx.transactionId, '0000000000', here)).toBe('wrong');
    expect(await unblockWithPuk(tx.transactionId, '0000000001', here)).toBe('wrong');
    expect(await unblockWithPuk(tx.transactionId, '0000000002', here)).toBe('expired');
    // The transaction is over: even the right PUK does nothing now.
    expect(await unblockWithPuk(tx.transactionId, SIMULATED_PUK, here)).toBe('expired');

    // Six wrong entries from this address so far; four more across fresh transactions reach the limit of ten.
    for (let i = 0; i < 4; i++) await submitEidPin((await eidTransaction(m)).transactionId, '999999', here);
    const fresh = await eidTransaction(m);
    expect(await submitEidPin(fresh.transactionId, SIMULATED_PIN, here)).toMatchObject({ status: 'rate_limited' });
    expect(await unblockWithPuk(fresh.transactionId, SIMULATED_PUK, here)).toBe('rate_limited');
    expect(await submitEidPin(fresh.transactionId, SIMULATED_PIN, meta)).toEqual({ status: 'ok' });
  });

  it('shows no record data on the flow page before the person is identified', async () => {
    const m = await member();
    const query = authorizeQuery({ login_hint: m.person.kvnr });
    for (const provider of ['nect', 'gesundheitsid', 'eid'] as const) {
      const tx = await startTransaction(provider, query);
      if (!tx.ok) throw new Error('authorize failed');
      expect((await loadTransaction(provider, tx.transactionId))?.person).toBeNull();
    }
    const tx = await eidTransaction(m);
    await submitEidPin(tx.transactionId, SIMULATED_PIN, meta);
    expect((await loadTransaction('eid', tx.transactionId))?.person).toMatchObject({ family_name: m.person.lastName });
  });

  it('answers only the registered redirect URIs, compared exactly, and only the registered client', async () => {
    expect((await startTransaction('nect', authorizeQuery())).ok).toBe(true);
    for (const redirect of [`${env().origin}/api/identity/callback?next=/x`, `${env().origin}/api/identity/callbackx`, `${env().origin}/somewhere`, 'https://evil.example/api/identity/callback']) {
      expect(await startTransaction('nect', authorizeQuery({ redirect_uri: redirect }))).toEqual({ ok: false, error: 'invalid_redirect_uri' });
    }
    expect(await startTransaction('nect', authorizeQuery({ client_id: 'another-client' }))).toEqual({ ok: false, error: 'invalid_redirect_uri' });
  });
});

function authorizeQuery(overrides: Record<string, string> = {}) {
  return new URLSearchParams({
    response_type: 'code', client_id: env().IDENTITY_CLIENT_ID, redirect_uri: `${env().origin}/api/identity/callback`, scope: 'openid',
    state: 's'.repeat(20), nonce: 'n'.repeat(20), code_challenge: pkceChallenge('v'.repeat(50)), code_challenge_method: 'S256', ...overrides,
  });
}

async function eidTransaction(m: Awaited<ReturnType<typeof member>>) {
  const started = await startIdentification(
    { method: 'eid', privacy: true, firstName: m.person.firstName, lastName: m.person.lastName, kvnr: m.person.kvnr },
    m.caller,
    meta,
    { fetch: simulatorFetch() },
  );
  if (!started.ok) throw new Error(`start failed: ${started.error}`);
  const tx = await startTransaction('eid', new URL(started.redirectTo).searchParams);
  if (!tx.ok) throw new Error('authorize failed');
  return tx;
}

describe('client authentication at the simulated token endpoint', () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each(['client_secret_basic', 'client_secret_post'])('identifies with %s, and refuses a wrong secret', async (method) => {
    vi.stubEnv('IDP_NECT_CLIENT_AUTH', method);
    vi.stubEnv('IDP_NECT_CLIENT_SECRET', 'the-shared-secret');
    const m = await member();
    const { answer } = await walkProvider(m.person, m.caller);
    vi.stubEnv('IDP_NECT_CLIENT_SECRET', 'the-client-thinks-another');
    const refused = await walkProvider(m.person, m.caller);
    // The provider knows the first secret; the client now sends another.
    const asProvider = simulatorFetch();
    const mixed: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/token')) {
        vi.stubEnv('IDP_NECT_CLIENT_SECRET', 'the-shared-secret');
        try {
          return await asProvider(input, init);
        } finally {
          vi.stubEnv('IDP_NECT_CLIENT_SECRET', 'the-client-thinks-another');
        }
      }
      return asProvider(input, init);
    };
    expect(await completeIdentification(refused.answer, m.caller, meta, { fetch: mixed })).toMatchObject({ ok: false, reason: 'token_exchange_failed' });
    vi.stubEnv('IDP_NECT_CLIENT_SECRET', 'the-shared-secret');
    expect(await completeIdentification(answer, m.caller, meta, { fetch: simulatorFetch() })).toMatchObject({ ok: true });
  });

  it('identifies with private_key_jwt', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    vi.stubEnv('IDP_EID_CLIENT_AUTH', 'private_key_jwt');
    vi.stubEnv('IDP_EID_CLIENT_PRIVATE_JWK', JSON.stringify({ ...(await exportJWK(privateKey)), kid: 'portal-1' }));
    const m = await member();
    const { answer } = await walkProvider(m.person, m.caller, 'eid');
    expect(await completeIdentification(answer, m.caller, meta, { fetch: simulatorFetch() })).toMatchObject({ ok: true, smarthealth: true });
  });

  it('refuses a public client when the provider expects a secret', async () => {
    vi.stubEnv('IDP_NECT_CLIENT_AUTH', 'client_secret_post');
    vi.stubEnv('IDP_NECT_CLIENT_SECRET', 'the-shared-secret');
    const form = new URLSearchParams({ grant_type: 'authorization_code', code: 'c', code_verifier: 'v'.repeat(43), client_id: env().IDENTITY_CLIENT_ID, redirect_uri: `${env().origin}/api/identity/callback` });
    expect(await exchangeCode('nect', form)).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });
});
