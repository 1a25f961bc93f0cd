import 'server-only';
import { importJWK, type CryptoKey, type JWK } from 'jose';
import * as oidc from 'openid-client';
import { z } from 'zod';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import type { IdentityRequest } from '@/lib/generated/prisma/client';
import { callbackUrl, isSimulated, providerConfig, type ProviderConfig, type ProviderId } from './config';
import { sha256Hex } from './crypto';

/** How long a member may stay at the provider before the hand-off expires. */
const REQUEST_MINUTES = 30;
const HTTP_TIMEOUT_SECONDS = 10;

/** Tests hand in a fetch that reaches the simulators' handlers without a running server. */
export type HandoffDeps = { fetch?: typeof fetch };

export type VerifiedIdentity = {
  givenName: string;
  familyName: string;
  birthDate: string;
  kvnr: string;
  provider: ProviderId;
  /** The token's `acr` is one of the provider's IDP_<P>_ACR_HIGH values (assurance level "hoch"). */
  assuranceHigh: boolean;
};

export type RedeemFailure = 'token_exchange_failed' | 'invalid_token' | 'expired_token' | 'wrong_nonce';

type Purpose = 'identify' | 'login';

/** What the provider sent back to the callback (the authorisation response's query parameters). */
export type ProviderAnswer = { state: string; code?: string | null; error?: string | null; errorDescription?: string | null; iss?: string | null };

export function answerFrom(params: URLSearchParams): ProviderAnswer {
  return { state: params.get('state') ?? '', code: params.get('code'), error: params.get('error'), errorDescription: params.get('error_description'), iss: params.get('iss') };
}

/**
 * Opens a hand-off: a fresh state (stored hashed), nonce and PKCE verifier, tied to the member's session
 * (identify) or to a cookie of this browser (login, and a password recovery). Returns the provider's authorisation URL, whose
 * endpoint comes from the provider's discovery document.
 */
export async function openHandoff(
  provider: ProviderId,
  purpose: Purpose,
  // A login's hand-off knows nobody yet; a password recovery's (lib/auth/recovery.ts) knows whose link it is.
  binding: { memberId: string; sessionId: string; loginHint: string } | { browserBinding: string } | { browserBinding: string; memberId: string; loginHint: string },
  deps: HandoffDeps = {},
) {
  const config = providerConfig(provider);
  const client = await clientFor(config, deps);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
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
  const url = oidc.buildAuthorizationUrl(client, {
    redirect_uri: callbackUrl(purpose),
    scope: config.scope,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    // Asks for the level smarthealth needs; a provider answers with the level reached, in the ID token's acr.
    acr_values: config.acrHigh.join(' '),
    ...('loginHint' in binding ? { login_hint: binding.loginHint } : {}),
  });
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
  givenName: z.string().min(1),
  familyName: z.string().min(1),
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  kvnr: z.string().min(1),
});

/**
 * Redeems the code with openid-client: the token request with the configured client authentication and
 * the PKCE verifier, then the ID token's checks (signature by a key of the provider's JWKS with an
 * algorithm its metadata names, issuer, audience, expiry, the nonce of this hand-off). Replays fail on
 * the single-use state (claimHandoff), the nonce and the provider's single-use code. The person's claims
 * come from the ID token, completed from the userinfo endpoint where the provider has one.
 */
export async function redeemCode(
  request: IdentityRequest,
  answer: ProviderAnswer,
  deps: HandoffDeps = {},
): Promise<{ ok: true; identity: VerifiedIdentity } | { ok: false; reason: RedeemFailure }> {
  const provider = request.provider as ProviderId;
  const config = providerConfig(provider);
  const current = new URL(callbackUrl(request.purpose === 'login' ? 'login' : 'identify'));
  current.searchParams.set('code', answer.code ?? '');
  current.searchParams.set('state', answer.state);
  if (answer.iss) current.searchParams.set('iss', answer.iss);

  let claims: Record<string, unknown>;
  try {
    const client = await clientFor(config, deps);
    const tokens = await oidc.authorizationCodeGrant(client, current, {
      pkceCodeVerifier: request.codeVerifier,
      expectedNonce: request.nonce,
      expectedState: answer.state,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) return { ok: false, reason: 'invalid_token' };
    claims = { ...idToken };
    const missing = Object.values(config.claims).some((name) => claims[name] === undefined);
    if (missing && client.serverMetadata().userinfo_endpoint && tokens.access_token) {
      // The ID token's subject is the one the userinfo answer must carry (openid-client checks it).
      claims = { ...(await oidc.fetchUserInfo(client, tokens.access_token, idToken.sub)), ...idToken };
    }
  } catch (error) {
    return { ok: false, reason: failureOf(error) };
  }
  const names = config.claims;
  const parsed = identityClaims.safeParse({ givenName: claims[names.givenName], familyName: claims[names.familyName], birthDate: claims[names.birthDate], kvnr: claims[names.kvnr] });
  if (!parsed.success) return { ok: false, reason: 'invalid_token' };
  const acr = typeof claims.acr === 'string' ? claims.acr : null;
  return { ok: true, identity: { ...parsed.data, provider, assuranceHigh: acr !== null && config.acrHigh.includes(acr) } };
}

function failureOf(error: unknown): RedeemFailure {
  if (error instanceof oidc.ResponseBodyError || !(error instanceof oidc.ClientError)) return 'token_exchange_failed';
  if (error.code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return 'expired_token';
  if (error.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && claimOf(error) === 'nonce') return 'wrong_nonce';
  if (error.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || error.code === 'OAUTH_RESPONSE_IS_NOT_JSON') return 'token_exchange_failed';
  return 'invalid_token';
}

/** The claim a failed comparison was about, from oauth4webapi's error cause. */
function claimOf(error: unknown): unknown {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ('claim' in e) return (e as { claim: unknown }).claim;
  }
  return undefined;
}

const clients = new Map<string, Promise<oidc.Configuration>>();

/** The openid-client configuration of a provider, from its discovery document (kept per settings). */
function clientFor(config: ProviderConfig, deps: HandoffDeps): Promise<oidc.Configuration> {
  if (deps.fetch) return discover(config, deps.fetch);
  const key = JSON.stringify(config);
  let client = clients.get(key);
  if (!client) {
    client = discover(config);
    clients.set(key, client);
    client.catch(() => clients.delete(key));
  }
  return client;
}

async function discover(config: ProviderConfig, customFetch?: typeof fetch): Promise<oidc.Configuration> {
  const issuer = new URL(config.issuer);
  const fetchImpl = customFetch ?? internalFetch(config);
  // openid-client tolerates 30 s of clock difference in the ID token's timestamps (its default).
  const client = await oidc.discovery(issuer, config.clientId, config.clientSecret ? { client_secret: config.clientSecret } : undefined, await clientAuth(config), {
    timeout: HTTP_TIMEOUT_SECONDS,
    // CustomFetchOptions is RequestInit at run time; only its body type is written wider.
    ...(fetchImpl ? { [oidc.customFetch]: (url: string, init: oidc.CustomFetchOptions) => fetchImpl(url, init as RequestInit) } : {}),
    // The ID token's signature is checked against the provider's JWKS too, not only trusted for the TLS
    // connection it came over. Plain http only for a provider on this machine (simulators, a test's provider).
    execute: issuer.protocol === 'http:' && isLoopback(issuer.hostname) ? [oidc.enableNonRepudiationChecks, oidc.allowInsecureRequests] : [oidc.enableNonRepudiationChecks],
  });
  return client;
}

async function clientAuth(config: ProviderConfig): Promise<oidc.ClientAuth> {
  switch (config.clientAuth) {
    case 'client_secret_basic':
      return oidc.ClientSecretBasic(config.clientSecret);
    case 'client_secret_post':
      return oidc.ClientSecretPost(config.clientSecret);
    case 'private_key_jwt': {
      const jwk = JSON.parse(config.clientPrivateJwk ?? '{}') as JWK;
      const alg = jwk.alg ?? (jwk.kty === 'RSA' ? 'RS256' : 'ES256');
      return oidc.PrivateKeyJwt({ key: (await importJWK({ ...jwk, alg }, alg)) as CryptoKey, kid: jwk.kid });
    }
    default:
      return oidc.None();
  }
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/**
 * With IDP_INTERNAL_URL, the portal reaches its own simulators server to server under another base URL
 * than the public one the browser (and the issuer identifier) uses.
 */
function internalFetch(config: ProviderConfig): typeof fetch | undefined {
  const { IDP_INTERNAL_URL: internal, origin } = env();
  if (!internal || !isSimulated(config)) return undefined;
  const publicBase = `${origin}/idp/`;
  const internalBase = `${internal.replace(/\/$/, '')}/idp/`;
  return (input, init) => {
    const url = String(input);
    return fetch(url.startsWith(publicBase) ? internalBase + url.slice(publicBase.length) : url, init);
  };
}
