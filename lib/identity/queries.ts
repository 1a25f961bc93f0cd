import 'server-only';
import { prisma } from '@/lib/db';

/** The newest successful identification of this session (the completion page shows it and binds the browser). */
export function latestIdentification(memberId: string, sessionId: string) {
  return prisma.identityRequest.findFirst({
    where: { memberId, sessionId, purpose: 'identify', outcome: 'success' },
    orderBy: { completedAt: 'desc' },
    select: { id: true, provider: true, completedAt: true, deviceBoundAt: true },
  });
}
