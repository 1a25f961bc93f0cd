import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { auditEvent } from '@/lib/audit/commands';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { checkPasswordPolicy } from '@/lib/auth/password-policy';
import { checkLimit, clearLimit, consumeLimit } from '@/lib/auth/rate-limit';
import { requireStepUp, type StepUpCaller } from '@/lib/auth/step-up';
import type { RequestMeta } from '@/lib/http/request-meta';
import { securityNoticeOps } from './notices';
import { changePasswordSchema } from './schema';

export type FieldErrors = Partial<Record<'currentPassword' | 'newPassword' | 'confirmPassword', string[]>>;

export type ChangePasswordResult =
  | { ok: true; endedSessions: number }
  | { ok: false; error: 'invalid'; errors: FieldErrors }
  | { ok: false; error: 'rate_limited'; retryAfterSeconds: number };

/**
 * Changes the password of the logged-in member after a step-up: the current password is required, the new one must
 * pass the policy. All other sessions end (whoever knew the old password is logged out); this one stays.
 * Wrong current passwords count towards a lockout, as at the login.
 */
export async function changePassword(
  current: Pick<StepUpCaller, 'memberId' | 'sessionId' | 'stepUpAt'>,
  input: unknown,
  meta: RequestMeta,
): Promise<ChangePasswordResult> {
  requireStepUp(current);
  const { memberId, sessionId } = current;
  const { LOGIN_MAX_ATTEMPTS: max, LOGIN_WINDOW_MINUTES: minutes } = env();
  const limitKey = `password_change:member:${memberId}`;
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid', errors: z.flattenError(parsed.error).fieldErrors };
  const { currentPassword, newPassword } = parsed.data;

  // Taken before the check, given back when the current password is right (see rate-limit.ts).
  const state = await consumeLimit(limitKey, max, minutes * 60);
  if (state.limited) return { ok: false, error: 'rate_limited', retryAfterSeconds: state.retryAfterSeconds };
  const account = await prisma.account.findUniqueOrThrow({ where: { memberId } });
  if (!(await verifyPassword(account.passwordHash, currentPassword))) {
    await auditEvent({ action: 'security.password.change_failed', actor: { type: 'MEMBER', id: memberId }, subjectMemberId: memberId, meta, details: { reason: 'wrong_current' } });
    const after = await checkLimit(limitKey, max);
    if (after.limited) return { ok: false, error: 'rate_limited', retryAfterSeconds: after.retryAfterSeconds };
    return { ok: false, error: 'invalid', errors: { currentPassword: ['wrong_current'] } };
  }
  await clearLimit(limitKey);
  const problem = checkPasswordPolicy(newPassword);
  if (problem) return { ok: false, error: 'invalid', errors: { newPassword: [problem] } };
  if (newPassword === currentPassword) return { ok: false, error: 'invalid', errors: { newPassword: ['same_as_current'] } };

  const passwordHash = await hashPassword(newPassword);
  const [, ended] = await prisma.$transaction([
    prisma.account.update({ where: { memberId }, data: { passwordHash, passwordChangedAt: new Date() } }),
    prisma.session.updateMany({
      where: { memberId, revokedAt: null, id: { not: sessionId } },
      data: { revokedAt: new Date(), revokedReason: 'password_changed' },
    }),
    auditEvent({ action: 'security.password.changed', actor: { type: 'MEMBER', id: memberId }, subjectMemberId: memberId, meta, details: { keptSessionId: sessionId } }),
    ...(await securityNoticeOps(memberId, 'password_changed', meta)),
  ]);
  return { ok: true, endedSessions: ended.count };
}
