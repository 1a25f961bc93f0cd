import 'server-only';
import { prisma } from '@/lib/db';
import { requireStepUp, type StepUpCaller } from '@/lib/auth/step-up';
import { auditEvent } from '@/lib/audit/commands';
import type { RequestMeta } from '@/lib/http/request-meta';
import { securityNoticeOps } from './notices';

/**
 * Switches the "biometrische Anmeldung" (login with a passkey) on or off. Setting the value it already
 * has changes nothing and sends no notice, so a repeated submit is harmless.
 */
export async function setBiometricLogin(
  caller: Pick<StepUpCaller, 'memberId' | 'stepUpAt'>,
  enabled: boolean,
  meta: RequestMeta,
): Promise<'changed' | 'unchanged'> {
  // Switching it on lets passkeys log in again: a change of login factors, confirmed by step-up.
  requireStepUp(caller);
  const { memberId } = caller;
  const account = await prisma.account.findUniqueOrThrow({ where: { memberId }, select: { biometricEnabled: true } });
  if (account.biometricEnabled === enabled) return 'unchanged';
  await prisma.$transaction([
    prisma.account.update({ where: { memberId }, data: { biometricEnabled: enabled } }),
    auditEvent({ action: 'security.biometric.changed', actor: { type: 'MEMBER', id: memberId }, subjectMemberId: memberId, meta, details: { enabled } }),
    ...(await securityNoticeOps(memberId, enabled ? 'biometric_enabled' : 'biometric_disabled', meta)),
  ]);
  return 'changed';
}

export async function securitySettings(memberId: string) {
  return prisma.account.findUniqueOrThrow({ where: { memberId }, select: { biometricEnabled: true, passwordChangedAt: true } });
}
