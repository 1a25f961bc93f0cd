import 'server-only';
import crypto from 'node:crypto';
import { z } from 'zod';
import type { IdentityRequest } from '@/lib/generated/prisma/client';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { auditEvent } from '@/lib/audit/commands';
import { randomToken } from '@/lib/identity/crypto';
import { openHandoff, recordOutcome, redeemCode, type HandoffDeps, type ProviderAnswer } from '@/lib/identity/handoff';
import { identityMatches } from '@/lib/identity/identification';
import type { ProviderId } from '@/lib/identity/config';
import { queueEmail } from '@/lib/mail/outbox';
import { documentTranslator } from '@/lib/pdf/texts';
import { securityNoticeOps } from '@/lib/security/notices';
import type { RequestMeta } from '@/lib/http/request-meta';
import { hashPassword } from './password';
import { checkPasswordPolicy } from './password-policy';
import { consumeLimit } from './rate-limit';
import { forgotPasswordSchema, newPasswordSchema } from './schema';
import { hashToken } from './session';

// "Passwort vergessen?": a member proves two things before a new password is accepted. That they read
// the confirmed email address (a single-use link, valid RESET_LINK_MINUTES), and that they are the
// insured person (a new identification at Nect, the AusweisApp or the GesundheitsID, whose verified
// name, birth date and KVNR must be the member's). Neither alone is enough: a stolen mailbox does not
// reset the password, nor does someone who merely knows the member's personal data.

export const RESET_LINK_MINUTES = 30;
/** The cookie that carries a link's token past the provider, back to /passwort-neu (httpOnly, that path only). */
export const RESET_TOKEN_COOKIE = 'hek.pw-reset';
/** Requests per KVNR and per address within the window; the answer does not change when limited. */
const REQUESTS_PER_KVNR = 3;
const REQUESTS_PER_ADDRESS = 10;
const REQUEST_WINDOW_SECONDS = 3600;
/** Identifications started per link: each opens a hand-off row at the provider. */
const IDENTIFICATIONS_PER_LINK = 5;

export type ForgotPasswordResult = { ok: true } | { ok: false; errors: Record<string, string[] | undefined> };

/**
 * The first step: a KVNR. Whether or not it belongs to a member with a confirmed email address, the
 * answer is the same ("if ..., we have sent a link"), so the form tells nobody who is insured here.
 * Limited per KVNR and per address; a limited request is answered alike and sends nothing.
 */
export async function requestPasswordReset(input: unknown, meta: RequestMeta, now = new Date()): Promise<ForgotPasswordResult> {
  const parsed = forgotPasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: z.flattenError(parsed.error).fieldErrors };
  const { kvnr } = parsed.data;

  const byAddress = await consumeLimit(`password_reset:ip:${meta.ip ?? 'unknown'}`, REQUESTS_PER_ADDRESS, REQUEST_WINDOW_SECONDS);
  const byKvnr = byAddress.limited ? byAddress : await consumeLimit(`password_reset:kvnr:${kvnr}`, REQUESTS_PER_KVNR, REQUEST_WINDOW_SECONDS);
  const member = await prisma.member.findUnique({ where: { kvnr }, include: { account: true } });
  if (byAddress.limited || byKvnr.limited) {
    await auditEvent({ action: 'auth.password_reset.rate_limited', actor: { type: 'ANONYMOUS' }, subjectMemberId: member?.id ?? null, meta });
    return { ok: true };
  }
  if (!member?.account || !member.account.emailVerifiedAt || member.account.lockedAt || !member.email) {
    await auditEvent({
      action: 'auth.password_reset.refused',
      actor: { type: 'ANONYMOUS' },
      subjectMemberId: member?.id ?? null,
      meta,
      details: { reason: !member ? 'unknown_kvnr' : !member.account ? 'no_account' : member.account.lockedAt ? 'locked' : 'email_unconfirmed' },
    });
    return { ok: true };
  }

  const token = crypto.randomBytes(32).toString('base64url');
  const link = `${env().origin}/passwort-neu?token=${token}`;
  const t = documentTranslator('auth.recovery.mail');
  await prisma.$transaction([
    // Only the newest link works.
    prisma.passwordReset.updateMany({ where: { memberId: member.id, usedAt: null, cancelledAt: null }, data: { cancelledAt: now } }),
    prisma.passwordReset.create({
      data: { memberId: member.id, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000) },
    }),
    queueEmail({
      to: member.email,
      memberId: member.id,
      kind: 'password_reset',
      subject: t('subject'),
      text: t('text', { name: `${member.firstName} ${member.lastName}`, link, minutes: RESET_LINK_MINUTES }),
    }),
    auditEvent({ action: 'auth.password_reset.requested', actor: { type: 'ANONYMOUS' }, subjectMemberId: member.id, meta }),
  ]);
  return { ok: true };
}

export type ResetLinkState = { state: 'invalid' | 'used' | 'expired' } | { state: 'identify' | 'choose_password'; firstName: string };

async function findReset(token: string) {
  if (!token || token.length > 200) return null;
  return prisma.passwordReset.findUnique({ where: { tokenHash: hashToken(token) }, include: { member: { select: { firstName: true, kvnr: true } } } });
}

function stateOf(reset: Awaited<ReturnType<typeof findReset>>, now: Date): ResetLinkState {
  if (!reset || reset.cancelledAt) return { state: 'invalid' };
  if (reset.usedAt) return { state: 'used' };
  if (reset.expiresAt <= now) return { state: 'expired' };
  return { state: reset.identifiedAt ? 'choose_password' : 'identify', firstName: reset.member.firstName };
}

/** What the link's page shows: the identification first, then the new password. Opening it changes nothing. */
export async function resetLinkState(token: string, now = new Date()): Promise<ResetLinkState> {
  return stateOf(await findReset(token), now);
}

export type StartRecoveryResult = { ok: true; authorizeUrl: string; browserBinding: string } | { ok: false; error: 'invalid' | 'rate_limited' | 'provider_unavailable' };

/**
 * Starts the identification for an open link: a hand-off bound to this browser (a cookie, as for
 * "Mit GesundheitsID anmelden") and to the link's member; the provider's answer comes back to the login
 * callback, which hands it to completeRecoveryIdentification instead of opening a session.
 */
export async function startRecoveryIdentification(token: string, provider: ProviderId, meta: RequestMeta, deps: HandoffDeps = {}): Promise<StartRecoveryResult> {
  const reset = await findReset(token);
  if (!reset || stateOf(reset, new Date()).state !== 'identify') return { ok: false, error: 'invalid' };
  const limit = await consumeLimit(`password_reset:identify:${reset.id}`, IDENTIFICATIONS_PER_LINK, RESET_LINK_MINUTES * 60);
  if (limit.limited) return { ok: false, error: 'rate_limited' };
  const browserBinding = randomToken();
  const opened = await openHandoff(provider, 'login', { browserBinding, memberId: reset.memberId, loginHint: reset.member.kvnr }, deps).catch(() => null);
  if (!opened) return { ok: false, error: 'provider_unavailable' };
  await prisma.passwordReset.update({ where: { id: reset.id }, data: { identityRequestId: opened.request.id } });
  await auditEvent({
    action: 'auth.password_reset.identification_started',
    actor: { type: 'ANONYMOUS' },
    subjectMemberId: reset.memberId,
    meta,
    details: { provider, requestId: opened.request.id },
  });
  return { ok: true, authorizeUrl: opened.authorizeUrl, browserBinding };
}

export type RecoveryIdentificationResult = { ok: true } | { ok: false; error: 'cancelled' | 'failed' | 'expired' };

/**
 * The provider's answer to a recovery hand-off (already claimed for this browser by the login callback):
 * the verified person must be the link's member. Marks the link identified; opens no session.
 */
export async function completeRecoveryIdentification(
  request: IdentityRequest,
  answer: ProviderAnswer,
  meta: RequestMeta,
  deps: HandoffDeps = {},
): Promise<RecoveryIdentificationResult> {
  const refuse = async (error: 'cancelled' | 'failed' | 'expired', reason: string) => {
    await recordOutcome(request.id, reason);
    await auditEvent({ action: 'auth.password_reset.identification_failed', actor: { type: 'ANONYMOUS' }, subjectMemberId: request.memberId, meta, details: { reason } });
    return { ok: false as const, error };
  };
  if (answer.error || !answer.code) return refuse(answer.errorDescription === 'cancelled' ? 'cancelled' : 'failed', answer.errorDescription ?? 'provider_error');
  const redeemed = await redeemCode(request, answer, deps);
  if (!redeemed.ok) return refuse('failed', redeemed.reason);
  const member = await prisma.member.findUniqueOrThrow({ where: { id: request.memberId ?? '' } });
  if (!identityMatches(member, redeemed.identity)) return refuse('failed', 'identity_mismatch');
  const now = new Date();
  const marked = await prisma.passwordReset.updateMany({
    where: { identityRequestId: request.id, memberId: member.id, usedAt: null, cancelledAt: null, expiresAt: { gt: now } },
    data: { identifiedAt: now },
  });
  if (marked.count !== 1) return refuse('expired', 'link_closed');
  await recordOutcome(request.id, 'success');
  await auditEvent({ action: 'auth.password_reset.identified', actor: { type: 'ANONYMOUS' }, subjectMemberId: member.id, meta, details: { provider: request.provider } });
  return { ok: true };
}

const POLICY_MESSAGES = { too_short: 'password.tooShort', too_long: 'password.tooLong', common: 'password.common' } as const;

export type CompleteResetResult =
  | { ok: true }
  | { ok: false; error: 'invalid_input'; errors: Record<string, string[] | undefined> }
  | { ok: false; error: 'invalid' | 'used' | 'expired' | 'not_identified' };

/**
 * The last step: the new password, for an identified link. Claimed by one conditional update, so the
 * link sets a password once. Ends every session and lifts the "Das war ich nicht" block; the member
 * gets a notice (and its email) with "Das war ich nicht" in case it was not them.
 */
export async function completePasswordReset(token: string, input: unknown, meta: RequestMeta): Promise<CompleteResetResult> {
  const parsed = newPasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid_input', errors: z.flattenError(parsed.error).fieldErrors };
  const problem = checkPasswordPolicy(parsed.data.newPassword);
  if (problem) return { ok: false, error: 'invalid_input', errors: { newPassword: [POLICY_MESSAGES[problem]] } };
  const reset = await findReset(token);
  if (!reset) return { ok: false, error: 'invalid' };
  const link = stateOf(reset, new Date());
  if (link.state === 'identify') return { ok: false, error: 'not_identified' };
  if (link.state !== 'choose_password') return { ok: false, error: link.state };

  const passwordHash = await hashPassword(parsed.data.newPassword);
  const now = new Date();
  const claimed = await prisma.passwordReset.updateMany({
    where: { id: reset.id, usedAt: null, cancelledAt: null, identifiedAt: { not: null }, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (claimed.count !== 1) return { ok: false, error: 'used' };
  const { memberId } = reset;
  await prisma.$transaction([
    prisma.account.update({ where: { memberId }, data: { passwordHash, passwordChangedAt: now, passwordResetRequiredAt: null } }),
    prisma.session.updateMany({ where: { memberId, revokedAt: null }, data: { revokedAt: now, revokedReason: 'password_reset' } }),
    auditEvent({ action: 'auth.password_reset.completed', actor: { type: 'MEMBER', id: memberId }, subjectMemberId: memberId, meta }),
    ...(await securityNoticeOps(memberId, 'password_reset', meta)),
  ]);
  return { ok: true };
}
