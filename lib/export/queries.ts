import 'server-only';
import { prisma } from '@/lib/db';

/** The member's recent exports, newest first (without the archive's bytes). */
export function listDataExports(memberId: string) {
  return prisma.dataExport.findMany({
    where: { memberId },
    orderBy: { requestedAt: 'desc' },
    take: 5,
    select: { id: true, status: true, requestedAt: true, readyAt: true, expiresAt: true, size: true },
  });
}
