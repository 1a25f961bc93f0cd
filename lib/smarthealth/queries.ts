import 'server-only';
import { prisma } from '@/lib/db';
import type { ReceiptFilter } from './schema';

/**
 * The billed services of the member (health data: call only after requireSmarthealthMember), newest
 * first, filtered by calendar year of the service date and by kind.
 */
export function listBilledServices(memberId: string, filter: ReceiptFilter) {
  const serviceDate = filter.year ? { gte: new Date(Date.UTC(filter.year, 0, 1)), lt: new Date(Date.UTC(filter.year + 1, 0, 1)) } : undefined;
  return prisma.billedService.findMany({
    where: { memberId, kind: filter.kind, serviceDate },
    orderBy: [{ serviceDate: 'desc' }, { id: 'asc' }],
    take: 500,
    select: { id: true, kind: true, serviceDate: true, endDate: true, provider: true, description: true, amountCents: true },
  });
}

/** The years with billed services, for the year filter. */
export async function billedYears(memberId: string): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ year: number }[]>`
    SELECT DISTINCT EXTRACT(YEAR FROM "serviceDate")::int AS year FROM "BilledService" WHERE "memberId" = ${memberId}::uuid ORDER BY year DESC`;
  return rows.map((r) => Number(r.year));
}
