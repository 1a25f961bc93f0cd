import 'server-only';
import crypto from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { authenticationResponseSchema, CHALLENGE_TTL_MS, challengeOf, relyingParty, userHandleOf } from '@/lib/auth/passkey';
import { checkLimit, clearLimit, registerFailure } from '@/lib/auth/rate-limit';
import { registrationResponseSchema } from '@/lib/security/passkeys';
import { staffAuditOps, recordStaffAudit } from '@/lib/audit/chain';
import type { RequestMeta } from '@/lib/http/request-meta';
import { createStaffSession, hashStaffToken } from './session-store';

/**
 * Staff log in with a passkey only (phishing-resistant; there is no staff password). Relying party and
 * origin come from the configured APP_URL, as for members (lib/auth/passkey.ts); challenges are stored,
 * single-use and short-lived, in a table of their own.
 */
type Purpose = 'login' | 'enrolment' | 'confirm';

async function issueStaffChallenge(purpose: Purpose, staffId: string | null): Promise<string> {
  const challenge = isoBase64URL.fromBuffer(crypto.randomBytes(32));
  await prisma.$transaction([
    prisma.staffChallenge.deleteMany({ where: { expiresAt: { lt: new Date() } } }),
    prisma.staffChallenge.create({ data: { challenge, purpose, staffId, expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS) } }),
  ]);
  return challenge;
}

async function consumeStaffChallenge(challenge: string, purpose: Purpose, staffId: string | null): Promise<boolean> {
  const { count } = await prisma.staffChallenge.deleteMany({ where: { challenge, purpose, staffId, expiresAt: { gt: new Date() } } });
  return count === 1;
}

const PROMPT_TIMEOUT_MS = 120_000;

async function openEnrolment(token: string) {
  if (!token || token.length > 100) return null;
  const enrolment = await prisma.staffEnrolment.findUnique({ where: { tokenHash: hashStaffToken(token) }, include: { staff: true } });
  if (!enrolment || enrolment.usedAt || enrolment.expiresAt <= new Date() || enrolment.staff.disabledAt) return null;
  return enrolment;
}

export async function enrolmentStaff(token: string): Promise<{ name: string; email: string } | null> {
  const enrolment = await openEnrolment(token);
  return enrolment ? { name: enrolment.staff.name, email: enrolment.staff.email } : null;
}

export async function enrolmentOptions(token: string): Promise<PublicKeyCredentialCreationOptionsJSON | null> {
  const enrolment = await openEnrolment(token);
  if (!enrolment) return null;
  const { staff } = enrolment;
  const challenge = await issueStaffChallenge('enrolment', staff.id);
  const party = relyingParty();
  const options = await generateRegistrationOptions({
    rpName: `${party.name} Service`,
    rpID: party.id,
    userID: userHandleOf(staff.id),
    userName: staff.email,
    userDisplayName: staff.name,
    attestationType: 'none',
    timeout: PROMPT_TIMEOUT_MS,
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  return { ...options, challenge };
}

/** Stores the staff member's passkey and uses the enrolment link up (a second use finds nothing). */
export async function completeEnrolment(token: string, input: unknown, meta: RequestMeta): Promise<boolean> {
  const enrolment = await openEnrolment(token);
  const parsed = registrationResponseSchema.safeParse(input);
  if (!enrolment || !parsed.success) return false;
  const response = parsed.data as unknown as RegistrationResponseJSON;
  const challenge = challengeOf(response.response.clientDataJSON);
  if (!challenge || !(await consumeStaffChallenge(challenge, 'enrolment', enrolment.staffId))) return false;
  const party = relyingParty();
  const verification = await verifyRegistrationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: party.origin,
    expectedRPID: party.id,
    requireUserVerification: true,
  }).catch(() => null);
  if (!verification?.verified) return false;
  const info = verification.registrationInfo;
  const staff = { id: enrolment.staff.id, name: enrolment.staff.name };
  const [used] = await prisma.$transaction([
    prisma.staffEnrolment.updateMany({ where: { id: enrolment.id, usedAt: null }, data: { usedAt: new Date() } }),
    prisma.staffPasskey.create({
      data: {
        staffId: staff.id,
        credentialId: info.credential.id,
        publicKey: new Uint8Array(info.credential.publicKey),
        counter: BigInt(info.credential.counter),
        transports: info.credential.transports ?? [],
        credentialDeviceType: info.credentialDeviceType,
        credentialBackedUp: info.credentialBackedUp,
      },
    }),
    ...staffAuditOps({ action: 'staff.passkey.enrolled', staff, meta }),
  ]);
  return used.count === 1;
}

export async function staffLoginOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const challenge = await issueStaffChallenge('login', null);
  const options = await generateAuthenticationOptions({ rpID: relyingParty().id, userVerification: 'required', timeout: PROMPT_TIMEOUT_MS });
  return { ...options, challenge };
}

/** Options for the fresh confirmation before an impersonation: only this staff member's passkeys. */
export async function staffConfirmOptions(staffId: string): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const passkeys = await prisma.staffPasskey.findMany({ where: { staffId }, select: { credentialId: true, transports: true } });
  const challenge = await issueStaffChallenge('confirm', staffId);
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().id,
    userVerification: 'required',
    timeout: PROMPT_TIMEOUT_MS,
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports as AuthenticatorTransport[] })),
  });
  return { ...options, challenge };
}

type Verified = { staffId: string; name: string; email: string; role: string };

/** Checks a WebAuthn answer against a stored challenge of the purpose and a staff passkey. */
async function verifyStaffAssertion(input: unknown, purpose: 'login' | 'confirm', staffId: string | null): Promise<Verified | null> {
  const parsed = authenticationResponseSchema.safeParse(input);
  if (!parsed.success) return null;
  const response = parsed.data as unknown as AuthenticationResponseJSON;
  if (response.id !== response.rawId) return null;
  const challenge = challengeOf(response.response.clientDataJSON);
  if (!challenge || !(await consumeStaffChallenge(challenge, purpose, staffId))) return null;
  const passkey = await prisma.staffPasskey.findUnique({ where: { credentialId: response.id }, include: { staff: true } });
  if (!passkey || passkey.staff.disabledAt || (staffId && passkey.staffId !== staffId)) return null;
  const party = relyingParty();
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: party.origin,
    expectedRPID: party.id,
    requireUserVerification: true,
    credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: Number(passkey.counter), transports: passkey.transports as AuthenticatorTransport[] },
  }).catch(() => null);
  if (!verification?.verified) return null;
  const info = verification.authenticationInfo;
  const { count } = await prisma.staffPasskey.updateMany({
    where: { id: passkey.id, counter: passkey.counter },
    data: { counter: BigInt(info.newCounter), credentialBackedUp: info.credentialBackedUp, credentialDeviceType: info.credentialDeviceType, lastUsedAt: new Date() },
  });
  if (count !== 1) return null;
  return { staffId: passkey.staffId, name: passkey.staff.name, email: passkey.staff.email, role: passkey.staff.role };
}

export type StaffLoginResult = { ok: true; token: string } | { ok: false; error: 'invalid' | 'rate_limited' };

export async function loginStaffWithPasskey(input: unknown, meta: RequestMeta): Promise<StaffLoginResult> {
  const { LOGIN_MAX_ATTEMPTS: max, LOGIN_WINDOW_MINUTES: minutes } = env();
  const ipKey = `staff-passkey:ip:${meta.ip ?? 'unknown'}`;
  if ((await checkLimit(ipKey, max * 10)).limited) return { ok: false, error: 'rate_limited' };
  const verified = await verifyStaffAssertion(input, 'login', null);
  if (!verified) {
    await registerFailure(ipKey, max * 10, minutes * 60);
    await recordStaffAudit({ action: 'staff.login.failed', staff: null, meta });
    return { ok: false, error: 'invalid' };
  }
  await clearLimit(ipKey);
  const token = await createStaffSession({ id: verified.staffId, name: verified.name }, meta);
  return { ok: true, token };
}

/** A fresh passkey confirmation by this staff member (before an impersonation). */
export async function confirmStaffPasskey(staffId: string, input: unknown): Promise<boolean> {
  return (await verifyStaffAssertion(input, 'confirm', staffId)) !== null;
}
