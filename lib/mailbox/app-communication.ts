import 'server-only';
import { prisma } from '@/lib/db';
import { auditEvent } from '@/lib/audit/commands';
import type { RequestMeta } from '@/lib/http/request-meta';

export type ConsentSource = 'registration' | 'settings';

/**
 * Switches "App-Kommunikation" on or off. The switch, its consent record and the audit row are written
 * in one batch transaction, so the member's consent history always matches the current setting.
 */
export async function setAppCommunication(memberId: string, enabled: boolean, source: ConsentSource, meta: RequestMeta): Promise<void> {
  await prisma.$transaction([
    prisma.member.update({ where: { id: memberId }, data: { appCommunication: enabled } }),
    prisma.communicationConsent.create({ data: { memberId, enabled, source, ip: meta.ip } }),
    auditEvent({
      action: enabled ? 'communication.app.enabled' : 'communication.app.disabled',
      actor: { type: 'MEMBER', id: memberId },
      subjectMemberId: memberId,
      meta,
      details: { source },
    }),
  ]);
}

export function consentHistory(memberId: string) {
  return prisma.communicationConsent.findMany({
    where: { memberId },
    orderBy: { changedAt: 'desc' },
    select: { id: true, enabled: true, source: true, changedAt: true },
  });
}
