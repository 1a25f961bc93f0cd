import 'server-only';
import { createRemoteJWKSet, customFetch, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { prisma } from '@/lib/db';
import type { IdentityRequest } from '@/lib/generated/prisma/client';
import { callbackUrl, providerConfig, type ProviderConfig, type ProviderId } from './config';
import { pkceChallenge, randomToken, safeEqual, sha256Hex } from './crypto';

/** How long a member may stay at the provider before the hand-off expires. */
const REQUEST_MINUTES = 30;
const CLOCK_TOLERANCE_SECONDS = 30;

/** Tests hand in a fetch that reaches the simulators' route handlers without a running server. */
export type HandoffDeps = { fetch?: typeof fetch };

export type VerifiedIdentity = { givenName: string; familyName: string; birthDate: string; kvnr: string; provider: ProviderId };

export type RedeemFailure = 'token_exchange_failed' | 'invalid_token' | 'expired_token' | 'wrong_nonce' | 'replayed';

type Purpose = 'identify' | 'login';

/**
 * Opens a hand-off: a fresh state (stored hashed), nonce and PKCE verifier, tied to the member's session
 * (identify) or to a cookie of this browser (login). Returns the provider's authorisation URL.
 */
export async function openHandoff(
  provider: ProviderId,
  purpose: Purpose,
  binding: { memberId: string; sessionId: string; loginHint: string } | { browserBinding: string },
) {
  const config = providerConfig(provider);
  const state = randomToken();
  const nonce = randomToken();
  const codeVerifier = randomToken(48);
  const request = await prisma.identityRequest.create({
    data: {
      provider,
      purpose,
      memberId: 'memberId' in binding ? binding.memberId : null,
      sessionId: 'sessionId' in binding ? binding.sessionId : null,
      browserBindingHash: 'browserBinding' in binding ? sha256Hex(binding.browserBinding) : null,
      stateHash: sha256Hex(state),
      nonce,
      codeVerifier,
      expiresAt: new Date(Date.now() + REQUEST_MINUTES * 60_000),
    },
  });
  const url = new URL(config.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: callbackUrl(purpose),
    scope: 'openid profile',
    state,
    nonce,
    code_challenge: pkceChallenge(codeVerifier),
    code_challenge_method: 'S256',
    ...('loginHint' in binding ? { login_hint: binding.loginHint } : {}),
  }).toString();
  return { request, authorizeUrl: url.toString() };
}

/**
 * Claims the hand-off an answer's state belongs to, once: only an open, unexpired request whose
 * binding matches (same session, or same browser cookie) is returned, and it is closed in the same
 * statement, so a state cannot be used twice.
 */
export async function claimHandoff(
  state: string,
  binding: { purpose: 'identify'; sessionId: string; memberId: string } | { purpose: 'login'; browserBinding: string },
): Promise<IdentityRequest | null> {
  if (!state) return null;
  const stateHash = sha256Hex(state);
  const now = new Date();
  const where =
    binding.purpose === 'identify'
      ? { stateHash, purpose: 'identify', sessionId: binding.sessionId, memberId: binding.memberId }
      : { stateHash, purpose: 'login', browserBindingHash: sha256Hex(binding.browserBinding) };
  const claimed = await prisma.identityRequest.updateMany({
    where: { ...where, completedAt: null, expiresAt: { gt: now } },
    data: { completedAt: now },
  });
  if (claimed.count !== 1) return null;
  return prisma.identityRequest.findUnique({ where: { stateHash } });
}

export async function recordOutcome(requestId: string, outcome: string) {
  await prisma.identityRequest.update({ where: { id: requestId }, data: { outcome } });
}

const identityClaims = z.object({
  given_name: z.string().min(1),
  family_name: z.string().min(1),
  birthdate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  kvnr: z.string().min(1),
});

/**
 * Redeems the code at the provider's token endpoint (server to server, with the PKCE verifier) and
 * verifies the signed result: ES256 signature by a key of the provider's JWKS, issuer, audience (our
 * client id), expiry, nonce of this hand-off, and single use of its jti.
 */
export async function redeemCode(
  request: IdentityRequest,
  code: string,
  deps: HandoffDeps = {},
): Promise<{ ok: true; identity: VerifiedIdentity } | { ok: false; reason: RedeemFailure }> {
  const provider = request.provider as ProviderId;
  const config = providerConfig(provider);
  const idToken = await fetchIdToken(config, request, code, deps);
  if (!idToken) return { ok: false, reason: 'token_exchange_failed' };

  let payload;
  try {
    ({ payload } = await jwtVerify(idToken, keySet(config, deps), {
      issuer: config.issuer,
      audience: config.clientId,
      algorithms: ['ES256'],
      requiredClaims: ['jti', 'nonce', 'iat', 'exp', 'sub'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    }));
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired_token' : 'invalid_token' };
  }
  if (typeof payload.nonce !== 'string' || !safeEqual(payload.nonce, request.nonce)) return { ok: false, reason: 'wrong_nonce' };
  const claims = identityClaims.safeParse(payload);
  if (!claims.success || typeof payload.jti !== 'string' || typeof payload.exp !== 'number') return { ok: false, reason: 'invalid_token' };

  const used = await prisma.usedIdentityToken.createMany({
    data: [{ jti: `${provider}:${payload.jti}`, provider, expiresAt: new Date(payload.exp * 1000) }],
    skipDuplicates: true,
  });
  if (used.count !== 1) return { ok: false, reason: 'replayed' };
  const c = claims.data;
  return { ok: true, identity: { givenName: c.given_name, familyName: c.family_name, birthDate: c.birthdate, kvnr: c.kvnr, provider } };
}

async function fetchIdToken(config: ProviderConfig, request: IdentityRequest, code: string, deps: HandoffDeps): Promise<string | null> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: callbackUrl(request.purpose === 'login' ? 'login' : 'identify'),
    client_id: config.clientId,
    code_verifier: request.codeVerifier,
  });
  if (config.clientSecret) body.set('client_secret', config.clientSecret);
  try {
    const response = await (deps.fetch ?? fetch)(config.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) return null;
    const json = (await response.json()) as { id_token?: unknown };
    return typeof json.id_token === 'string' ? json.id_token : null;
  } catch {
    return null;
  }
}

const keySets = new Map<string, JWTVerifyGetKey>();

function keySet(config: ProviderConfig, deps: HandoffDeps): JWTVerifyGetKey {
  const url = new URL(config.jwksUrl);
  if (deps.fetch) {
    const custom = deps.fetch;
    return createRemoteJWKSet(url, { [customFetch]: (input, init) => custom(input, init) });
  }
  let set = keySets.get(config.jwksUrl);
  if (!set) {
    set = createRemoteJWKSet(url);
    keySets.set(config.jwksUrl, set);
  }
  return set;
}
