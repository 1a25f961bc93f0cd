import 'server-only';
import { prisma } from '@/lib/db';

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** The member's support messages, newest first. */
export function listSupportMessages(memberId: string) {
  return prisma.supportMessage.findMany({
    where: { memberId },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: { id: true, subject: true, status: true, createdAt: true, answerReadAt: true, _count: { select: { answers: true } } },
  });
}

/** A message as it was sent, with its answers: what the member and the support team both read. */
export const sentSupportMessage = {
  id: true,
  subject: true,
  text: true,
  kvnr: true,
  technicalData: true,
  status: true,
  createdAt: true,
  answers: { orderBy: { createdAt: 'asc' }, select: { id: true, authorStaffId: true, text: true, createdAt: true } },
} as const;

/** One message of the member with everything that was sent and the answers; another member's is null. */
export function getSupportMessage(memberId: string, id: string) {
  if (!isUuid(id)) return Promise.resolve(null);
  return prisma.supportMessage.findFirst({ where: { id, memberId }, select: { ...sentSupportMessage, answerReadAt: true } });
}
