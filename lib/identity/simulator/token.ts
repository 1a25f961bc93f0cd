import 'server-only';
import crypto from 'node:crypto';
import { SignJWT } from 'jose';
import { prisma } from '@/lib/db';
import { simulatorIssuer, type ProviderId } from '../config';
import { pkceChallenge, safeEqual, sha256Hex } from '../crypto';
import type { IdentityClaims } from './options';
import { signingKey } from './keys';
import { authenticateClient, SIMULATED_ACR } from './metadata';

// The result is meant to be redeemed at once.
const ID_TOKEN_SECONDS = 300;

const methods: Record<ProviderId, string> = { nect: 'robo-ident', eid: 'eid', gesundheitsid: 'gesundheitsid' };

export type TokenResponse = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

function failure(error: string, description: string): TokenResponse {
  return { status: 400, body: { error, error_description: description } };
}

/**
 * The simulator's token endpoint (authorisation code grant with PKCE): the client authenticates as
 * registered, the code works once, for the client and redirect URI it was issued to, and only with the
 * verifier whose S256 hash came with the authorisation request. The answer is an ID token signed ES256
 * with the simulator's key, carrying the person's claims and the assurance level (`acr`).
 */
export async function exchangeCode(provider: ProviderId, form: URLSearchParams, authorization: string | null = null): Promise<TokenResponse> {
  if (!(await authenticateClient(provider, form, authorization))) {
    return { status: 401, body: { error: 'invalid_client', error_description: 'client authentication failed' }, headers: { 'WWW-Authenticate': 'Basic realm="token"' } };
  }
  if (form.get('grant_type') !== 'authorization_code') return failure('unsupported_grant_type', 'authorization_code only');
  const code = form.get('code') ?? '';
  const verifier = form.get('code_verifier') ?? '';
  if (!code || !verifier) return failure('invalid_request', 'code and code_verifier are required');

  const codeHash = sha256Hex(code);
  const now = new Date();
  const claimed = await prisma.idpTransaction.updateMany({
    where: { codeHash, provider, codeUsedAt: null, codeExpiresAt: { gt: now } },
    data: { codeUsedAt: now },
  });
  if (claimed.count !== 1) return failure('invalid_grant', 'unknown, used or expired code');
  const transaction = await prisma.idpTransaction.findUniqueOrThrow({ where: { codeHash } });
  if (transaction.redirectUri !== form.get('redirect_uri')) return failure('invalid_grant', 'redirect_uri does not match');
  if (!safeEqual(pkceChallenge(verifier), transaction.codeChallenge)) return failure('invalid_grant', 'PKCE verification failed');

  const claims = transaction.claims as IdentityClaims;
  const key = await signingKey(provider);
  const idToken = await new SignJWT({ ...claims, nonce: transaction.nonce, acr: SIMULATED_ACR[provider], amr: [methods[provider]] })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
    .setIssuer(simulatorIssuer(provider))
    .setAudience(transaction.clientId)
    // A pairwise subject: stable per person and provider, not the KVNR itself.
    .setSubject(sha256Hex(`${provider}:${claims.kvnr}`).slice(0, 32))
    .setIssuedAt()
    .setExpirationTime(Math.floor(now.getTime() / 1000) + ID_TOKEN_SECONDS)
    .sign(key.privateKey);
  return { status: 200, body: { access_token: crypto.randomBytes(16).toString('base64url'), token_type: 'Bearer', expires_in: ID_TOKEN_SECONDS, id_token: idToken } };
}
