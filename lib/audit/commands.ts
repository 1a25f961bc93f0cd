import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { prisma } from '@/lib/db';
import type { RequestMeta } from '@/lib/http/request-meta';

export type AuditInput = {
  action: string;
  actor: { type: 'MEMBER' | 'STAFF' | 'SYSTEM' | 'ANONYMOUS'; id?: string | null };
  subjectMemberId?: string | null;
  meta?: RequestMeta;
  /** Reason codes and ids only: never passwords, tokens or health data. */
  details?: Prisma.InputJsonValue;
};

/**
 * Returns the unsent create so that callers can put it into the same batch transaction as the change
 * it records: `prisma.$transaction([change, auditEvent({...})])`.
 */
export function auditEvent(input: AuditInput) {
  return prisma.auditEvent.create({
    data: {
      action: input.action,
      actorType: input.actor.type,
      actorId: input.actor.id ?? null,
      subjectMemberId: input.subjectMemberId ?? null,
      ip: input.meta?.ip ?? null,
      userAgent: input.meta?.userAgent ?? null,
      details: input.details,
    },
  });
}
