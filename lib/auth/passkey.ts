import 'server-only';
import crypto from 'node:crypto';
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { decodeClientDataJSON, isoBase64URL } from '@simplewebauthn/server/helpers';
import { z } from 'zod';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { auditEvent } from '@/lib/audit/commands';
import type { RequestMeta } from '@/lib/http/request-meta';
import { clearLimit, consumeLimit, giveBack } from './rate-limit';
import { createSession } from './session';

export type ChallengePurpose = 'registration' | 'authentication' | 'step_up';

/** How long a browser has to answer a challenge; the WebAuthn prompt itself times out earlier. */
export const CHALLENGE_TTL_MS = 5 * 60_000;
export const PROMPT_TIMEOUT_MS = 120_000;

/** Relying party and origin from the configured APP_URL (or WEBAUTHN_RP_ID), never from a request. */
export function relyingParty() {
  const config = env();
  return { id: config.rpId, name: config.WEBAUTHN_RP_NAME, origin: config.origin };
}

/** A fresh random challenge, stored for one use; expired ones are cleared on the way. */
export async function issueChallenge(purpose: ChallengePurpose, memberId: string | null): Promise<string> {
  const challenge = isoBase64URL.fromBuffer(crypto.randomBytes(32));
  await prisma.$transaction([
    prisma.webAuthnChallenge.deleteMany({ where: { expiresAt: { lt: new Date() } } }),
    prisma.webAuthnChallenge.create({
      data: { challenge, purpose, memberId, expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS) },
    }),
  ]);
  return challenge;
}

/**
 * Takes the challenge out of the table in one statement: true only for the first use of an unexpired
 * challenge issued for this purpose (and member), so a replayed answer finds nothing.
 */
export async function consumeChallenge(challenge: string, purpose: ChallengePurpose, memberId: string | null): Promise<boolean> {
  const { count } = await prisma.webAuthnChallenge.deleteMany({
    where: { challenge, purpose, memberId, expiresAt: { gt: new Date() } },
  });
  return count === 1;
}

/** The challenge a WebAuthn answer signed, read from its clientDataJSON; null when unreadable. */
export function challengeOf(clientDataJSON: string): string | null {
  try {
    const challenge = decodeClientDataJSON(clientDataJSON).challenge;
    return typeof challenge === 'string' && challenge.length > 0 ? challenge : null;
  } catch {
    return null;
  }
}

/** The WebAuthn user handle of a member: their id's bytes. Opaque, no personal data. */
export function userHandleOf(memberId: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(memberId.replace(/-/g, ''), 'hex'));
}

/** Options for "Mit Passkey anmelden": no member known yet, so any passkey of this site may answer. */
export async function passkeyLoginOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const challenge = await issueChallenge('authentication', null);
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().id,
    userVerification: 'required',
    timeout: PROMPT_TIMEOUT_MS,
  });
  return { ...options, challenge };
}

export const authenticationResponseSchema = z.looseObject({
  id: z.string().min(1).max(1024),
  rawId: z.string().min(1).max(1024),
  type: z.literal('public-key'),
  response: z.looseObject({
    clientDataJSON: z.string().min(1).max(8192),
    authenticatorData: z.string().min(1).max(8192),
    signature: z.string().min(1).max(2048),
    userHandle: z.string().max(512).optional(),
  }),
  clientExtensionResults: z.looseObject({}),
});

export type PasskeyLoginResult =
  | { ok: true; memberId: string; token: string }
  | { ok: false; error: 'invalid' | 'biometric_disabled' | 'locked' | 'password_reset_required' }
  | { ok: false; error: 'rate_limited'; retryAfterSeconds: number };

// Attempts from one address are limited more loosely than attempts with one passkey, as for passwords.
const IP_FACTOR = 10;

/**
 * Factor one of the login by passkey ("biometrische Anmeldung"): checks the browser's WebAuthn answer
 * against a stored, unused challenge and the passkey's public key, then creates the same kind of server
 * session as the password login.
 */
export async function loginWithPasskey(input: unknown, meta: RequestMeta): Promise<PasskeyLoginResult> {
  const { LOGIN_MAX_ATTEMPTS: max, LOGIN_WINDOW_MINUTES: minutes } = env();
  const ipKey = `passkey:ip:${meta.ip ?? 'unknown'}`;
  // Attempts are taken before anything is checked and given back on success (see rate-limit.ts).
  const ipState = await consumeLimit(ipKey, max * IP_FACTOR, minutes * 60);
  if (ipState.limited) return rateLimited(ipKey, ipState.retryAfterSeconds, meta);

  const parsed = authenticationResponseSchema.safeParse(input);
  const response = parsed.success ? (parsed.data as unknown as AuthenticationResponseJSON) : null;
  const credentialKey = `passkey:credential:${response?.id ?? 'unknown'}`;
  const credentialState = await consumeLimit(credentialKey, max, minutes * 60);
  if (credentialState.limited) {
    await giveBack(ipKey);
    return rateLimited(credentialKey, credentialState.retryAfterSeconds, meta);
  }

  const fail = async (reason: string, memberId: string | null = null): Promise<PasskeyLoginResult> => {
    await auditEvent({
      action: 'auth.passkey.failed',
      actor: { type: 'ANONYMOUS' },
      subjectMemberId: memberId,
      meta,
      details: { reason },
    });
    return { ok: false, error: 'invalid' };
  };

  if (!response || response.id !== response.rawId) return fail('malformed');
  const challenge = challengeOf(response.response.clientDataJSON);
  // The challenge is used up before the signature is checked: whatever the outcome, it cannot be replayed.
  if (!challenge || !(await consumeChallenge(challenge, 'authentication', null))) return fail('challenge');

  const passkey = await prisma.passkey.findUnique({
    where: { credentialId: response.id },
    include: { member: { include: { account: true } } },
  });
  const account = passkey?.member.account;
  if (!passkey || !account) return fail('unknown_credential');
  const userHandle = response.response.userHandle;
  if (userHandle && userHandle !== isoBase64URL.fromBuffer(userHandleOf(passkey.memberId))) return fail('user_handle', passkey.memberId);

  if (!(await verifyAssertion(response, challenge, passkey))) return fail('signature', passkey.memberId);
  await Promise.all([clearLimit(credentialKey), giveBack(ipKey)]);

  if (account.lockedAt) {
    await auditEvent({ action: 'auth.login.locked', actor: { type: 'MEMBER', id: passkey.memberId }, subjectMemberId: passkey.memberId, meta });
    return { ok: false, error: 'locked' };
  }
  if (!account.biometricEnabled) {
    await auditEvent({
      action: 'auth.passkey.refused',
      actor: { type: 'MEMBER', id: passkey.memberId },
      subjectMemberId: passkey.memberId,
      meta,
      details: { reason: 'biometric_disabled', passkeyId: passkey.id },
    });
    return { ok: false, error: 'biometric_disabled' };
  }
  // "Das war ich nicht" ends every way in until the member has set a new password.
  if (account.passwordResetRequiredAt) {
    await auditEvent({ action: 'auth.login.password_reset_required', actor: { type: 'MEMBER', id: passkey.memberId }, subjectMemberId: passkey.memberId, meta });
    return { ok: false, error: 'password_reset_required' };
  }

  const { token } = await createSession(passkey.memberId, meta, { method: 'passkey', details: { passkeyId: passkey.id } });
  return { ok: true, memberId: passkey.memberId, token };
}

async function rateLimited(key: string, retryAfterSeconds: number, meta: RequestMeta): Promise<PasskeyLoginResult> {
  await auditEvent({ action: 'auth.passkey.rate_limited', actor: { type: 'ANONYMOUS' }, meta, details: { key: key.split(':')[1] ?? '' } });
  return { ok: false, error: 'rate_limited', retryAfterSeconds };
}

/**
 * Checks a WebAuthn assertion against a stored passkey and the challenge it signed, then stores the new
 * counter, conditional on the counter read before: of two concurrent uses with the same counter, one wins.
 */
export async function verifyAssertion(
  response: AuthenticationResponseJSON,
  challenge: string,
  passkey: { id: string; credentialId: string; publicKey: Uint8Array; counter: bigint; transports: string[] },
): Promise<boolean> {
  const party = relyingParty();
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: party.origin,
    expectedRPID: party.id,
    requireUserVerification: true,
    credential: {
      id: passkey.credentialId,
      publicKey: new Uint8Array(passkey.publicKey),
      counter: Number(passkey.counter),
      transports: passkey.transports,
    },
  }).catch(() => null);
  if (!verification?.verified) return false;
  const info = verification.authenticationInfo;
  const { count } = await prisma.passkey.updateMany({
    where: { id: passkey.id, counter: passkey.counter },
    data: {
      counter: BigInt(info.newCounter),
      credentialBackedUp: info.credentialBackedUp,
      credentialDeviceType: info.credentialDeviceType,
      lastUsedAt: new Date(),
    },
  });
  return count === 1;
}
