import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db';

const KVNR = /^[A-Z]\d{9}$/;

/** The console's member search: an exact KVNR, an email address, or parts of first and last name. */
export function searchMembers(query: string) {
  const q = query.trim();
  const upper = q.toUpperCase();
  const where = KVNR.test(upper)
    ? { kvnr: upper }
    : q.includes('@')
      ? { email: { equals: q, mode: 'insensitive' as const } }
      : { AND: q.split(/\s+/).slice(0, 3).map((part) => ({ OR: [{ firstName: { contains: part, mode: 'insensitive' as const } }, { lastName: { contains: part, mode: 'insensitive' as const } }] })) };
  return prisma.member.findMany({
    where,
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
    take: 25,
    select: { id: true, kvnr: true, firstName: true, lastName: true, birthDate: true, level: true, account: { select: { id: true } } },
  });
}

/**
 * What support needs to know about a member, and nothing about their health: level, bound browsers, last
 * login, open conversations, unread replies and submissions, health-card orders, running impersonations.
 */
export async function memberOverview(memberId: string) {
  if (!z.uuid().safeParse(memberId).success) return null;
  const member = await prisma.member.findUnique({
    where: { id: memberId },
    select: {
      id: true,
      kvnr: true,
      firstName: true,
      lastName: true,
      birthDate: true,
      email: true,
      level: true,
      membershipType: true,
      appCommunication: true,
      account: { select: { lockedAt: true, createdAt: true } },
    },
  });
  if (!member) return null;
  const [devices, lastLogin, conversations, orders, impersonations, unreadLetters] = await Promise.all([
    prisma.boundDevice.findMany({ where: { memberId, revokedAt: null }, orderBy: { createdAt: 'desc' }, select: { id: true, name: true, createdAt: true, lastUsedAt: true } }),
    prisma.session.findFirst({ where: { memberId }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } }),
    prisma.conversation.findMany({ where: { memberId, status: { not: 'CLOSED' } }, orderBy: { lastMessageAt: 'desc' }, take: 20, select: { id: true, subject: true, topic: true, status: true, unreadByStaff: true, lastMessageAt: true } }),
    prisma.healthCardOrder.findMany({ where: { memberId }, orderBy: { createdAt: 'desc' }, take: 10, select: { id: true, reason: true, createdAt: true } }),
    prisma.impersonation.findMany({ where: { memberId }, orderBy: { startedAt: 'desc' }, take: 10, select: { id: true, reason: true, reference: true, startedAt: true, endsAt: true, endedAt: true, endedReason: true, staff: { select: { name: true } } } }),
    unreadLettersFromMember(memberId),
  ]);
  const processed = new Set((await prisma.healthCardOrderProcessing.findMany({ where: { orderId: { in: orders.map((o) => o.id) } }, select: { orderId: true } })).map((p) => p.orderId));
  return {
    member,
    devices,
    lastLoginAt: lastLogin?.createdAt ?? null,
    conversations,
    orders: orders.map((order) => ({ ...order, processed: processed.has(order.id) })),
    impersonations,
    unreadLetters,
  };
}

export type MemberOverview = NonNullable<Awaited<ReturnType<typeof memberOverview>>>;

/** Replies and submitted documents (Dokumente einreichen) that no staff member has dealt with yet. */
export function unreadLettersFromMember(memberId: string | null, take = 50) {
  return prisma.$queryRaw<{ id: string; memberId: string; kind: 'REPLY' | 'SUBMISSION'; subject: string; deliveredAt: Date; firstName: string; lastName: string; kvnr: string }[]>`
    SELECT l."id", l."memberId", l."kind", l."subject", l."deliveredAt", m."firstName", m."lastName", m."kvnr"
    FROM "Letter" l JOIN "Member" m ON m."id" = l."memberId"
    WHERE l."kind" IN ('REPLY', 'SUBMISSION')
      AND (${memberId}::uuid IS NULL OR l."memberId" = ${memberId}::uuid)
      AND NOT EXISTS (SELECT 1 FROM "StaffLetterReview" r WHERE r."letterId" = l."id")
    ORDER BY l."deliveredAt" ASC
    LIMIT ${take}`;
}
