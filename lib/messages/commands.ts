import 'server-only';
import { prisma } from '@/lib/db';
import { auditEvent } from '@/lib/audit/commands';
import { Prisma } from '@/lib/generated/prisma/client';
import type { RequestMeta } from '@/lib/http/request-meta';
import { isUuid } from '@/lib/mailbox/ids';
import { env } from '@/lib/config/env';
import { queueEmail } from '@/lib/mail/outbox';
import { staffAuditOps } from '@/lib/audit/chain';
import { verifyStaffSessionId } from '@/lib/staff/session-store';
import type { conversationTopics } from './schema';

type Topic = (typeof conversationTopics)[number];

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** Opens a conversation with its first message. A second submit of the same form returns the first. */
export async function startConversation(
  memberId: string,
  input: { topic: Topic; subject: string; body: string; idempotencyKey: string },
  meta: RequestMeta,
): Promise<{ conversationId: string }> {
  const key = { memberId_idempotencyKey: { memberId, idempotencyKey: input.idempotencyKey } };
  const existing = await prisma.conversation.findUnique({ where: key, select: { id: true } });
  if (existing) return { conversationId: existing.id };
  try {
    const [conversation] = await prisma.$transaction([
      prisma.conversation.create({
        data: {
          memberId,
          topic: input.topic,
          subject: input.subject,
          idempotencyKey: input.idempotencyKey,
          messages: { create: { authorType: 'MEMBER', body: input.body } },
        },
        select: { id: true },
      }),
      auditEvent({ action: 'messenger.conversation.started', actor: { type: 'MEMBER', id: memberId }, subjectMemberId: memberId, meta, details: { topic: input.topic } }),
    ]);
    return { conversationId: conversation.id };
  } catch (error) {
    const winner = isUniqueViolation(error) ? await prisma.conversation.findUnique({ where: key, select: { id: true } }) : null;
    if (winner) return { conversationId: winner.id };
    throw error;
  }
}

/**
 * Adds the member's message to one of their conversations and hands it back to the service (status
 * open). False when the conversation is not theirs or is closed.
 */
export async function postMemberMessage(memberId: string, input: { conversationId: string; body: string; idempotencyKey: string }): Promise<boolean> {
  const conversation = await prisma.conversation.findFirst({ where: { id: input.conversationId, memberId }, select: { id: true, status: true } });
  if (!conversation || conversation.status === 'CLOSED') return false;
  const key = { conversationId_idempotencyKey: { conversationId: conversation.id, idempotencyKey: input.idempotencyKey } };
  if (await prisma.conversationMessage.findUnique({ where: key, select: { id: true } })) return true;
  const now = new Date();
  try {
    await prisma.$transaction([
      prisma.conversationMessage.create({
        data: { conversationId: conversation.id, authorType: 'MEMBER', body: input.body, idempotencyKey: input.idempotencyKey, createdAt: now },
      }),
      prisma.conversation.update({ where: { id: conversation.id }, data: { status: 'OPEN', unreadByStaff: true, lastMessageAt: now } }),
    ]);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return true;
}

/** The member has seen the conversation's answers. False when it is not theirs. */
export async function markConversationRead(memberId: string, conversationId: string): Promise<boolean> {
  if (!isUuid(conversationId)) return false;
  const { count } = await prisma.conversation.updateMany({ where: { id: conversationId, memberId }, data: { unreadByMember: false } });
  return count === 1;
}

/**
 * A service employee's answer, as the staff member of a staff session that is still valid: the session is
 * re-read from the database (never trusted from the caller), and the author's id and name come from it.
 * The conversation becomes "answered" and unread for the member, who gets a mail without content; the
 * answer is recorded in the staff audit chain and the member's audit log. False when the session is not
 * valid or there is no such open conversation.
 */
export async function postStaffAnswer(caller: { sessionId: string }, conversationId: string, body: string, meta?: RequestMeta): Promise<boolean> {
  const session = await verifyStaffSessionId(caller.sessionId);
  if (!session || !isUuid(conversationId)) return false;
  const conversation = await prisma.conversation.findFirst({
    where: { id: conversationId, status: { not: 'CLOSED' } },
    select: { id: true, memberId: true, member: { select: { email: true, firstName: true, lastName: true } } },
  });
  if (!conversation) return false;
  const { staff } = session;
  const now = new Date();
  await prisma.$transaction([
    prisma.conversationMessage.create({ data: { conversationId, authorType: 'STAFF', staffId: staff.id, staffName: staff.name, body, createdAt: now } }),
    prisma.conversation.update({ where: { id: conversationId }, data: { status: 'ANSWERED', unreadByMember: true, unreadByStaff: false, lastMessageAt: now } }),
    ...staffAuditOps({ action: 'messenger.staff_answer', staff, subjectMemberId: conversation.memberId, target: conversationId, meta, memberVisible: true, details: { conversationId } }),
    queueEmail({
      to: conversation.member.email,
      memberId: conversation.memberId,
      kind: 'messenger_answer',
      subject: 'Neue Antwort im HEK-Messenger',
      text: [
        `Guten Tag ${conversation.member.firstName} ${conversation.member.lastName},`,
        '',
        'der Service der HEK hat Ihnen im Messenger des Service-Portals geantwortet.',
        `Sie finden die Antwort nach der Anmeldung unter ${env().APP_URL.replace(/\/$/, '')}/nachrichten.`,
        '',
        'Ihre HEK',
      ].join('\n'),
    }),
  ]);
  return true;
}
