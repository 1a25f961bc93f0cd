import 'server-only';
import crypto from 'node:crypto';
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { z } from 'zod';
import { prisma } from '@/lib/db';
import { auditEvent } from '@/lib/audit/commands';
import { challengeOf, consumeChallenge, issueChallenge, relyingParty, userHandleOf } from '@/lib/auth/passkey';
import { requireStepUp, type StepUpCaller } from '@/lib/auth/step-up';
import type { RequestMeta } from '@/lib/http/request-meta';
import { securityNoticeOps } from './notices';
import { passkeyNameSchema, renamePasskeySchema } from './schema';
import { deviceLabel } from './user-agent';

export function listPasskeys(memberId: string) {
  return prisma.passkey.findMany({
    where: { memberId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, credentialBackedUp: true },
  });
}

/**
 * Options for adding a passkey: a discoverable credential (so the login needs no KVNR) with user
 * verification (fingerprint, face or device PIN), never a second one on the same authenticator.
 */
export async function passkeyRegistrationOptions(member: {
  id: string;
  kvnr: string;
  firstName: string;
  lastName: string;
}): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await prisma.passkey.findMany({ where: { memberId: member.id }, select: { credentialId: true, transports: true } });
  const challenge = await issueChallenge('registration', member.id);
  const party = relyingParty();
  const options = await generateRegistrationOptions({
    rpName: party.name,
    rpID: party.id,
    userID: userHandleOf(member.id),
    userName: member.kvnr,
    userDisplayName: `${member.firstName} ${member.lastName}`,
    attestationType: 'none',
    timeout: 120_000,
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  return { ...options, challenge };
}

export const registrationResponseSchema = z.looseObject({
  id: z.string().min(1).max(1024),
  rawId: z.string().min(1).max(1024),
  type: z.literal('public-key'),
  response: z.looseObject({
    clientDataJSON: z.string().min(1).max(8192),
    attestationObject: z.string().min(1).max(65536),
    transports: z.array(z.string().max(32)).max(10).optional(),
  }),
  clientExtensionResults: z.looseObject({}),
});

export type RegisterPasskeyResult = { ok: true; passkeyId: string } | { ok: false; error: 'invalid_name' | 'failed' | 'duplicate' };

/** Checks the browser's answer to the registration options and stores the passkey (a new login factor: step-up). */
export async function registerPasskey(
  caller: Pick<StepUpCaller, 'memberId' | 'stepUpAt'>,
  input: { response: unknown; name?: string | null },
  meta: RequestMeta,
): Promise<RegisterPasskeyResult> {
  requireStepUp(caller);
  const { memberId } = caller;
  // The name arrives through a server action: anything but a string counts as "no name given".
  const given = typeof input.name === 'string' ? input.name : '';
  const name = passkeyNameSchema.safeParse(given.trim() ? given : (deviceLabel(meta.userAgent) ?? 'Passkey'));
  if (!name.success) return { ok: false, error: 'invalid_name' };
  const parsed = registrationResponseSchema.safeParse(input.response);
  if (!parsed.success) return { ok: false, error: 'failed' };
  const response = parsed.data as unknown as RegistrationResponseJSON;
  const challenge = challengeOf(response.response.clientDataJSON);
  if (!challenge || !(await consumeChallenge(challenge, 'registration', memberId))) return { ok: false, error: 'failed' };

  const party = relyingParty();
  const verification = await verifyRegistrationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: party.origin,
    expectedRPID: party.id,
    requireUserVerification: true,
  }).catch(() => null);
  if (!verification?.verified) {
    await auditEvent({ action: 'security.passkey.add_failed', actor: { type: 'MEMBER', id: memberId }, subjectMemberId: memberId, meta });
    return { ok: false, error: 'failed' };
  }
  const info = verification.registrationInfo;
  if (await prisma.passkey.findUnique({ where: { credentialId: info.credential.id }, select: { id: true } })) return { ok: false, error: 'duplicate' };

  const passkeyId = crypto.randomUUID();
  const [passkey] = await prisma.$transaction([
    prisma.passkey.create({
      data: {
        id: passkeyId,
        memberId,
        credentialId: info.credential.id,
        publicKey: new Uint8Array(info.credential.publicKey),
        counter: BigInt(info.credential.counter),
        transports: info.credential.transports ?? [],
        credentialDeviceType: info.credentialDeviceType,
        credentialBackedUp: info.credentialBackedUp,
        name: name.data,
      },
    }),
    auditEvent({ action: 'security.passkey.added', actor: { type: 'MEMBER', id: memberId }, subjectMemberId: memberId, meta, details: { credentialDeviceType: info.credentialDeviceType } }),
    ...(await securityNoticeOps(memberId, 'passkey_added', meta, { name: name.data, passkeyId })),
  ]);
  return { ok: true, passkeyId: passkey.id };
}

export async function renamePasskey(memberId: string, input: unknown, meta: RequestMeta): Promise<'ok' | 'invalid' | 'not_found'> {
  const parsed = renamePasskeySchema.safeParse(input);
  if (!parsed.success) return 'invalid';
  const { id, name } = parsed.data;
  const passkey = await prisma.passkey.findFirst({ where: { id, memberId }, select: { id: true } });
  if (!passkey) return 'not_found';
  await prisma.$transaction([
    prisma.passkey.update({ where: { id: passkey.id }, data: { name } }),
    auditEvent({ action: 'security.passkey.renamed', actor: { type: 'MEMBER', id: memberId }, subjectMemberId: memberId, meta, details: { passkeyId: id } }),
  ]);
  return 'ok';
}

/** Removes one of the member's passkeys (a login factor: step-up). */
export async function removePasskey(caller: Pick<StepUpCaller, 'memberId' | 'stepUpAt'>, passkeyId: string, meta: RequestMeta): Promise<'ok' | 'not_found'> {
  requireStepUp(caller);
  const { memberId } = caller;
  if (!z.uuid().safeParse(passkeyId).success) return 'not_found';
  const passkey = await prisma.passkey.findFirst({ where: { id: passkeyId, memberId }, select: { id: true, name: true } });
  if (!passkey) return 'not_found';
  await prisma.$transaction([
    prisma.passkey.delete({ where: { id: passkey.id } }),
    auditEvent({ action: 'security.passkey.removed', actor: { type: 'MEMBER', id: memberId }, subjectMemberId: memberId, meta, details: { passkeyId } }),
    ...(await securityNoticeOps(memberId, 'passkey_removed', meta, { name: passkey.name })),
  ]);
  return 'ok';
}
