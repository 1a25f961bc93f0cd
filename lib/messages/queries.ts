import 'server-only';
import { prisma } from '@/lib/db';
import { isUuid } from '@/lib/mailbox/ids';

/** The member's conversations, newest activity first. */
export function listConversations(memberId: string) {
  return prisma.conversation.findMany({
    where: { memberId },
    orderBy: [{ lastMessageAt: 'desc' }, { id: 'desc' }],
    take: 100,
    select: { id: true, topic: true, subject: true, status: true, unreadByMember: true, lastMessageAt: true },
  });
}

/** One conversation of this member with its messages, or null (a foreign id is not found). */
export async function getConversation(memberId: string, conversationId: string) {
  if (!isUuid(conversationId)) return null;
  return prisma.conversation.findFirst({
    where: { id: conversationId, memberId },
    select: {
      id: true,
      topic: true,
      subject: true,
      status: true,
      unreadByMember: true,
      createdAt: true,
      messages: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true, authorType: true, staffName: true, body: true, createdAt: true } },
    },
  });
}

