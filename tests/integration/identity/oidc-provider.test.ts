import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { prisma } from '@/lib/db';
import { callbackUrl } from '@/lib/identity/config';
import { answerFrom } from '@/lib/identity/handoff';
import { isoDate } from '@/lib/identity/names';
import { completeIdentification, startIdentification } from '@/lib/identity/identification';
import { loggedInMember, meta } from './helpers';
import { ACR_SUBSTANTIAL, signInAt, startOidcProvider, type RunningProvider, type TestAccount } from './oidc-test-provider';

// The whole identification against a real OpenID Connect provider (oidc-provider), with no simulator:
// RS256 ID tokens without jti, the person's claims from the userinfo endpoint, client_secret_basic.

const accounts: TestAccount[] = [];
let provider: RunningProvider;

beforeAll(async () => {
  provider = await startOidcProvider({
    accounts,
    clients: [
      {
        client_id: 'portal-at-real-idp',
        client_secret: 'a-secret-of-the-portal-at-the-idp',
        token_endpoint_auth_method: 'client_secret_basic',
        redirect_uris: [callbackUrl('identify'), callbackUrl('login')],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
  });
});
afterAll(() => provider.close());

beforeEach(() => {
  vi.stubEnv('IDP_EID_ISSUER', provider.issuer);
  vi.stubEnv('IDP_EID_CLIENT_ID', 'portal-at-real-idp');
  vi.stubEnv('IDP_EID_CLIENT_SECRET', 'a-secret-of-the-portal-at-the-idp');
  vi.stubEnv('IDP_EID_CLIENT_AUTH', 'client_secret_basic');
  provider.setAcr('http://eidas.europa.eu/LoA/high');
  return () => vi.unstubAllEnvs();
});

/** A member with a login whose person is also an account at the provider. */
async function memberWithAccount() {
  const m = await loggedInMember();
  accounts.push({
    accountId: `acc-${m.member.kvnr}`,
    claims: { kvnr: m.member.kvnr, given_name: m.member.firstName, family_name: m.member.lastName, birthdate: isoDate(m.member.birthDate) },
  });
  return m;
}

/** Token responses the portal received, to look at the ID token it was given. */
function recordingFetch(seen: string[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (String(input).endsWith('/token')) seen.push(String(((await response.clone().json()) as { id_token?: string }).id_token));
    return response;
  };
}

async function startAndSignIn(m: Awaited<ReturnType<typeof memberWithAccount>>, deps: { fetch?: typeof fetch } = {}) {
  const started = await startIdentification({ method: 'eid', privacy: true, firstName: m.member.firstName, lastName: m.member.lastName, kvnr: m.member.kvnr }, m.caller, meta, deps);
  if (!started.ok) throw new Error(`start failed: ${started.error}`);
  expect(started.redirectTo.startsWith(`${provider.issuer}/auth?`)).toBe(true);
  const back = await signInAt(started.redirectTo, `acc-${m.member.kvnr}`, callbackUrl('identify'));
  return answerFrom(back.searchParams);
}

describe('identification against a real OpenID Connect provider (oidc-provider)', () => {
  it('accepts its RS256 ID token without jti, reads the person from userinfo, and unlocks smarthealth at acr "hoch"', async () => {
    const m = await memberWithAccount();
    const seen: string[] = [];
    const answer = await startAndSignIn(m, { fetch: recordingFetch(seen) });
    expect(await completeIdentification(answer, m.caller, meta, { fetch: recordingFetch(seen) })).toMatchObject({ ok: true, provider: 'eid', smarthealth: true });
    expect(await prisma.member.findUniqueOrThrow({ where: { id: m.member.id } })).toMatchObject({ level: 'SMART', smarthealthUnlocked: true });

    const [idToken = ''] = seen;
    expect(decodeProtectedHeader(idToken).alg).toBe('RS256');
    const claims = decodeJwt(idToken);
    expect(claims.jti).toBeUndefined();
    // The person's data was not in the ID token: it came from the userinfo endpoint.
    expect(claims.kvnr).toBeUndefined();
    expect(claims.acr).toBe('http://eidas.europa.eu/LoA/high');
  });

  it('makes the member smart but leaves smarthealth locked when the acr is below "hoch"', async () => {
    provider.setAcr(ACR_SUBSTANTIAL);
    const m = await memberWithAccount();
    const answer = await startAndSignIn(m);
    expect(await completeIdentification(answer, m.caller, meta)).toMatchObject({ ok: true, smarthealth: false });
    expect(await prisma.member.findUniqueOrThrow({ where: { id: m.member.id } })).toMatchObject({ level: 'SMART', smarthealthUnlocked: false });
  });

  it('unlocks smarthealth at whatever acr values are configured as "hoch"', async () => {
    vi.stubEnv('IDP_EID_ACR_HIGH', `urn:other:high, ${ACR_SUBSTANTIAL}`);
    provider.setAcr(ACR_SUBSTANTIAL);
    const m = await memberWithAccount();
    expect(await completeIdentification(await startAndSignIn(m), m.caller, meta)).toMatchObject({ ok: true, smarthealth: true });
  });

  it('refuses a wrong nonce and a wrong state', async () => {
    const m = await memberWithAccount();
    const answer = await startAndSignIn(m);
    expect(await completeIdentification({ ...answer, state: 'not-the-state-of-this-hand-off' }, m.caller, meta)).toMatchObject({ ok: false, reason: 'invalid_state' });
    // The nonce the portal expects is not the one the provider put into the ID token.
    await prisma.identityRequest.updateMany({ where: { memberId: m.member.id, completedAt: null }, data: { nonce: 'a-nonce-of-another-hand-off' } });
    expect(await completeIdentification(answer, m.caller, meta)).toMatchObject({ ok: false, reason: 'wrong_nonce' });
    expect((await prisma.member.findUniqueOrThrow({ where: { id: m.member.id } })).level).toBe('BASIC');
  });

  it('refuses a replayed code, and the same answer twice', async () => {
    const m = await memberWithAccount();
    const first = await startAndSignIn(m);
    expect((await completeIdentification(first, m.caller, meta)).ok).toBe(true);
    expect(await completeIdentification(first, m.caller, meta)).toMatchObject({ ok: false, reason: 'invalid_state' });
    const second = await startAndSignIn(m);
    expect(await completeIdentification({ ...second, code: first.code }, m.caller, meta)).toMatchObject({ ok: false, reason: 'token_exchange_failed' });
  });

  it('reads the claims under the names configured for the provider', async () => {
    vi.stubEnv('IDP_EID_CLAIM_KVNR', 'urn:telematik:claims:id');
    const m = await loggedInMember();
    accounts.push({
      accountId: `acc-${m.member.kvnr}`,
      claims: { 'urn:telematik:claims:id': m.member.kvnr, given_name: m.member.firstName, family_name: m.member.lastName, birthdate: isoDate(m.member.birthDate) },
    });
    expect(await completeIdentification(await startAndSignIn(m), m.caller, meta)).toMatchObject({ ok: true });
    // Under the default name the KVNR is missing: nothing to compare with the member, so the portal refuses.
    vi.stubEnv('IDP_EID_CLAIM_KVNR', '');
    expect(await completeIdentification(await startAndSignIn(m), m.caller, meta)).toMatchObject({ ok: false, reason: 'invalid_token' });
  });
});
