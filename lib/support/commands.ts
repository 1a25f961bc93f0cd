import 'server-only';
import { prisma } from '@/lib/db';
import { auditEvent } from '@/lib/audit/commands';
import type { StaffRecord } from '@/lib/audit/chain';
import type { RequestMeta } from '@/lib/http/request-meta';
import { supportAnswerSchema, supportMessageSchema } from './schema';

type FieldErrors = Record<string, string[] | undefined>;
export type SendSupportResult = { ok: true; id: string } | { ok: false; errors: FieldErrors };

/**
 * "Nachricht an den App-Support". With `attach`, the KVNR (read here, never from the form) and the
 * technical data the member saw are stored with it. A double submit (same requestKey) creates one message.
 */
export async function sendSupportMessage(memberId: string, input: unknown, meta: RequestMeta): Promise<SendSupportResult> {
  const parsed = supportMessageSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.flatten().fieldErrors };
  const { subject, text, attach, technicalData, requestKey } = parsed.data;
  if (attach && !technicalData) return { ok: false, errors: { attach: ['technical_data'] } };

  const repeated = await prisma.supportMessage.findUnique({ where: { memberId_requestKey: { memberId, requestKey } }, select: { id: true } });
  if (repeated) return { ok: true, id: repeated.id };
  const member = await prisma.member.findUniqueOrThrow({ where: { id: memberId }, select: { kvnr: true } });
  const [message] = await prisma.$transaction([
    prisma.supportMessage.create({
      data: { memberId, subject, text, requestKey, kvnr: attach ? member.kvnr : null, technicalData: attach && technicalData ? technicalData : undefined },
      select: { id: true },
    }),
    auditEvent({ action: 'support.message.sent', actor: { type: 'MEMBER', id: memberId }, subjectMemberId: memberId, meta, details: { attached: attach } }),
  ]);
  return { ok: true, id: message.id };
}

/**
 * For the admin area's support queue: a staff user answers a message. The message becomes ANSWERED (and
 * unread for the member) in the same transaction. Returns not_found for an unknown or closed message.
 */
export async function answerSupportMessage(
  input: { messageId: string; staffId: string; text: string },
  meta: RequestMeta,
  staffRecord: StaffRecord = () => [],
): Promise<'ok' | 'not_found' | 'invalid'> {
  const parsed = supportAnswerSchema.safeParse({ text: input.text });
  if (!parsed.success) return 'invalid';
  const message = await prisma.supportMessage.findFirst({ where: { id: input.messageId, status: { not: 'CLOSED' } }, select: { id: true, memberId: true } });
  if (!message) return 'not_found';
  await prisma.$transaction([
    prisma.supportAnswer.create({ data: { messageId: message.id, authorStaffId: input.staffId, text: parsed.data.text } }),
    prisma.supportMessage.update({ where: { id: message.id }, data: { status: 'ANSWERED', answerReadAt: null } }),
    auditEvent({ action: 'support.message.answered', actor: { type: 'STAFF', id: input.staffId }, subjectMemberId: message.memberId, meta, details: { messageId: message.id } }),
    ...staffRecord(message.memberId),
  ]);
  return 'ok';
}

/** For the admin area: closes a message (no more answers expected). */
export async function closeSupportMessage(input: { messageId: string; staffId: string }, meta: RequestMeta, staffRecord: StaffRecord = () => []): Promise<'ok' | 'not_found'> {
  const message = await prisma.supportMessage.findFirst({ where: { id: input.messageId }, select: { id: true, memberId: true } });
  if (!message) return 'not_found';
  await prisma.$transaction([
    prisma.supportMessage.update({ where: { id: message.id }, data: { status: 'CLOSED' } }),
    auditEvent({ action: 'support.message.closed', actor: { type: 'STAFF', id: input.staffId }, subjectMemberId: message.memberId, meta, details: { messageId: message.id } }),
    ...staffRecord(message.memberId),
  ]);
  return 'ok';
}

/** The member opened their message: its answer counts as read. */
export async function markSupportAnswerRead(memberId: string, id: string): Promise<void> {
  await prisma.supportMessage.updateMany({ where: { id, memberId, status: { not: 'OPEN' }, answerReadAt: null }, data: { answerReadAt: new Date() } });
}
