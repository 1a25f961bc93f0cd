import 'server-only';
import crypto from 'node:crypto';
import { z } from 'zod';
import { prisma } from '@/lib/db';
import { auditEvent } from '@/lib/audit/commands';
import type { RequestMeta } from '@/lib/http/request-meta';
import { securityNoticeOps } from '@/lib/security/notices';
import { deviceLabel } from '@/lib/security/user-agent';

/** A browser may be bound this long after its identification succeeded. */
const BIND_WINDOW_MINUTES = 15;
const CHALLENGE_SECONDS = 120;

/** What the browser signs: the challenge, prefixed so that the signature means nothing elsewhere. */
export function deviceChallengeMessage(challenge: string): string {
  return `hek-smart-device-login:${challenge}`;
}

// Only the public part of a P-256 key; a JWK with a private part ("d") is refused, not stripped.
const publicKeyJwkSchema = z
  .object({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    y: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  })
  .loose()
  .refine((jwk) => !('d' in jwk));

async function importPublicKey(jwk: { kty: string; crv: string; x: string; y: string }) {
  return crypto.webcrypto.subtle.importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
}

export type BindResult = { ok: true; deviceId: string } | { ok: false; error: 'no_identification' | 'invalid_key' };

/**
 * Binds this browser to the member (the second factor, like the app's bound device). Allowed once per
 * successful identification of this very session, shortly after it: a password alone never binds a
 * browser. The session counts as device-verified at once; a notice tells the member about the new browser.
 */
export async function bindDevice(caller: { memberId: string; sessionId: string }, publicKeyJwk: unknown, meta: RequestMeta, proposedDeviceId?: unknown): Promise<BindResult> {
  const parsed = publicKeyJwkSchema.safeParse(publicKeyJwk);
  if (!parsed.success) return { ok: false, error: 'invalid_key' };
  const jwk = { kty: parsed.data.kty, crv: parsed.data.crv, x: parsed.data.x, y: parsed.data.y };
  try {
    await importPublicKey(jwk);
  } catch {
    return { ok: false, error: 'invalid_key' };
  }
  const now = new Date();
  const grant = await prisma.identityRequest.findFirst({
    where: {
      memberId: caller.memberId,
      sessionId: caller.sessionId,
      purpose: 'identify',
      outcome: 'success',
      deviceBoundAt: null,
      completedAt: { gt: new Date(now.getTime() - BIND_WINDOW_MINUTES * 60_000) },
    },
    orderBy: { completedAt: 'desc' },
  });
  if (!grant) return { ok: false, error: 'no_identification' };
  const claimed = await prisma.identityRequest.updateMany({ where: { id: grant.id, deviceBoundAt: null }, data: { deviceBoundAt: now } });
  if (claimed.count !== 1) return { ok: false, error: 'no_identification' };

  // The browser may name its device id: it stores its key under that id before asking, so a page left
  // during the binding never leaves a bound device whose key this browser does not hold.
  const deviceId = z.uuid().safeParse(proposedDeviceId).data ?? crypto.randomUUID();
  const name = (deviceLabel(meta.userAgent) ?? 'Browser').slice(0, 120);
  await prisma.$transaction([
    prisma.boundDevice.create({ data: { id: deviceId, memberId: caller.memberId, name, publicKeyJwk: jwk, lastUsedAt: now } }),
    prisma.session.update({ where: { id: caller.sessionId }, data: { boundDeviceId: deviceId } }),
    auditEvent({
      action: 'device.bound',
      actor: { type: 'MEMBER', id: caller.memberId },
      subjectMemberId: caller.memberId,
      meta,
      details: { deviceId, provider: grant.provider, requestId: grant.id },
    }),
    ...(await securityNoticeOps(caller.memberId, 'new_device', meta, { name })),
  ]);
  return { ok: true, deviceId };
}

/** A fresh challenge for this session's browser key: single use, two minutes. */
export async function createDeviceChallenge(sessionId: string) {
  const challenge = crypto.randomBytes(32).toString('base64url');
  const row = await prisma.deviceChallenge.create({
    data: { sessionId, challenge, expiresAt: new Date(Date.now() + CHALLENGE_SECONDS * 1000) },
  });
  return { challengeId: row.id, challenge };
}

export type DeviceVerifyResult = { ok: true } | { ok: false; error: 'invalid_challenge' | 'unknown_device' | 'bad_signature' };

/**
 * Factor two at a login: the bound browser signs the session's challenge with its key. The challenge is
 * claimed first (one conditional update), so it works once, for this session only, and only in time.
 */
export async function verifyDeviceSignature(
  caller: { memberId: string; sessionId: string },
  answer: { challengeId: string; deviceId: string; signature: string },
  meta: RequestMeta,
): Promise<DeviceVerifyResult> {
  const audit = (action: string, details: Record<string, string>) =>
    auditEvent({ action, actor: { type: 'MEMBER', id: caller.memberId }, subjectMemberId: caller.memberId, meta, details });
  const uuid = z.uuid();
  if (!uuid.safeParse(answer.challengeId).success || !uuid.safeParse(answer.deviceId).success) return { ok: false, error: 'invalid_challenge' };

  const now = new Date();
  const claimed = await prisma.deviceChallenge.updateMany({
    where: { id: answer.challengeId, sessionId: caller.sessionId, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (claimed.count !== 1) {
    await audit('device.verify_failed', { reason: 'invalid_challenge' });
    return { ok: false, error: 'invalid_challenge' };
  }
  const [challenge, device] = await Promise.all([
    prisma.deviceChallenge.findUniqueOrThrow({ where: { id: answer.challengeId } }),
    prisma.boundDevice.findFirst({ where: { id: answer.deviceId, memberId: caller.memberId, revokedAt: null } }),
  ]);
  if (!device) {
    await audit('device.verify_failed', { reason: 'unknown_device' });
    return { ok: false, error: 'unknown_device' };
  }
  const jwk = publicKeyJwkSchema.parse(device.publicKeyJwk);
  let valid = false;
  try {
    const key = await importPublicKey(jwk);
    const signature = Buffer.from(answer.signature, 'base64url');
    valid = await crypto.webcrypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, new TextEncoder().encode(deviceChallengeMessage(challenge.challenge)));
  } catch {
    valid = false;
  }
  if (!valid) {
    await audit('device.verify_failed', { reason: 'bad_signature', deviceId: device.id });
    return { ok: false, error: 'bad_signature' };
  }
  await prisma.$transaction([
    prisma.deviceChallenge.update({ where: { id: challenge.id }, data: { deviceId: device.id } }),
    prisma.session.update({ where: { id: caller.sessionId }, data: { boundDeviceId: device.id } }),
    prisma.boundDevice.update({ where: { id: device.id }, data: { lastUsedAt: now } }),
    audit('device.verified', { deviceId: device.id }),
  ]);
  return { ok: true };
}

/** The member's bound browsers, for Profil > Sicherheit. */
export function listBoundDevices(memberId: string) {
  return prisma.boundDevice.findMany({
    where: { memberId, revokedAt: null },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
  });
}

/**
 * Removes a bound browser: its key no longer counts, and sessions that it verified lose smart access
 * at their next request. A foreign or already removed id gives false (the caller answers 404).
 */
export async function revokeBoundDevice(memberId: string, deviceId: string, meta: RequestMeta): Promise<boolean> {
  if (!z.uuid().safeParse(deviceId).success) return false;
  const revoked = await prisma.boundDevice.updateMany({ where: { id: deviceId, memberId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (revoked.count !== 1) return false;
  await prisma.$transaction([
    prisma.session.updateMany({ where: { memberId, boundDeviceId: deviceId }, data: { boundDeviceId: null } }),
    auditEvent({ action: 'device.revoked', actor: { type: 'MEMBER', id: memberId }, subjectMemberId: memberId, meta, details: { deviceId } }),
  ]);
  return true;
}
