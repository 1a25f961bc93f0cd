import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db';
import { postStaffAnswer } from '@/lib/messages/commands';
import { deliverLetter } from '@/lib/mailbox/deliver';
import { letterTemplates, templateDelivery, isLetterTemplate } from '@/lib/mailbox/templates';
import { staffAuditOps, type StaffRecord } from '@/lib/audit/chain';
import type { ActiveStaffSession } from '@/lib/staff/session-store';
import type { RequestMeta } from '@/lib/http/request-meta';
import { staffAnswerSchema } from '@/lib/staff/schema';
import { unreadLettersFromMember } from './members';
import { decideNameChange } from '@/lib/profile/commands';
import { answerSupportMessage, closeSupportMessage } from '@/lib/support/commands';
import { sentSupportMessage } from '@/lib/support/queries';
import { applyStaffCaseUpdate } from '@/lib/claims/updates';

/**
 * The staff queues, one module each: messenger conversations, replies and submissions, health-card
 * orders, messages to the app support, name changes, letters to deliver, and claims cases (the status and
 * missing documents; sick notes and payments come from the insurer's systems, npm run claim:update). The
 * console shows each in its section (SECTIONS in components/admin/AdminShell.tsx) or on the member's page.
 */
export const messengerQueue = {
  list() {
    return prisma.conversation.findMany({
      where: { status: 'OPEN' },
      orderBy: [{ unreadByStaff: 'desc' }, { lastMessageAt: 'asc' }],
      take: 50,
      select: { id: true, subject: true, topic: true, unreadByStaff: true, lastMessageAt: true, member: { select: { id: true, firstName: true, lastName: true, kvnr: true } } },
    });
  },
  count() {
    return prisma.conversation.count({ where: { status: 'OPEN' } });
  },
  async conversation(id: string) {
    if (!z.uuid().safeParse(id).success) return null;
    return prisma.conversation.findUnique({
      where: { id },
      select: {
        id: true,
        subject: true,
        topic: true,
        status: true,
        member: { select: { id: true, firstName: true, lastName: true, kvnr: true } },
        messages: { orderBy: { createdAt: 'asc' }, select: { id: true, authorType: true, staffName: true, body: true, createdAt: true } },
      },
    });
  },
  /** The staff member's answer: postStaffAnswer() checks the caller; audited, and the member is told. */
  async answer(session: ActiveStaffSession, input: unknown, meta: RequestMeta) {
    const parsed = staffAnswerSchema.safeParse(input);
    if (!parsed.success) return { ok: false as const, errors: parsed.error.flatten().fieldErrors };
    const ok = await postStaffAnswer(session, parsed.data.conversationId, parsed.data.body, meta);
    return ok ? { ok: true as const } : { ok: false as const, errors: {} };
  },
};

export const letterQueue = {
  list: () => unreadLettersFromMember(null),
  async count() {
    return (await unreadLettersFromMember(null, 500)).length;
  },
  async markDone(session: ActiveStaffSession, letterId: string, meta: RequestMeta): Promise<boolean> {
    if (!z.uuid().safeParse(letterId).success) return false;
    const letter = await prisma.letter.findFirst({ where: { id: letterId, kind: { in: ['REPLY', 'SUBMISSION'] } }, select: { id: true, memberId: true } });
    if (!letter) return false;
    await prisma.$transaction([
      prisma.staffLetterReview.upsert({ where: { letterId }, create: { letterId, staffId: session.staff.id }, update: {} }),
      ...staffAuditOps({ action: 'staff.letter.reviewed', staff: session.staff, subjectMemberId: letter.memberId, target: letterId, meta }),
    ]);
    return true;
  },
};

export const healthCardOrderQueue = {
  async list() {
    const done = await prisma.healthCardOrderProcessing.findMany({ select: { orderId: true } });
    return prisma.healthCardOrder.findMany({
      where: { id: { notIn: done.map((d) => d.orderId) } },
      orderBy: { createdAt: 'asc' },
      take: 50,
      select: { id: true, reason: true, createdAt: true, member: { select: { id: true, firstName: true, lastName: true, kvnr: true } } },
    });
  },
  async count() {
    return (await healthCardOrderQueue.list()).length;
  },
  /** The new card is sent and the old one blocked, in one step (a lost or stolen card must not work on). */
  async markSent(session: ActiveStaffSession, orderId: string, meta: RequestMeta): Promise<boolean> {
    if (!z.uuid().safeParse(orderId).success) return false;
    const order = await prisma.healthCardOrder.findUnique({ where: { id: orderId }, select: { id: true, memberId: true } });
    if (!order) return false;
    const now = new Date();
    await prisma.$transaction([
      prisma.healthCardOrderProcessing.upsert({ where: { orderId }, create: { orderId, staffId: session.staff.id, sentAt: now, oldCardBlockedAt: now }, update: {} }),
      ...staffAuditOps({ action: 'staff.health_card.sent', staff: session.staff, subjectMemberId: order.memberId, target: orderId, meta, memberVisible: true, details: { orderId, oldCardBlocked: 'true' } }),
    ]);
    return true;
  },
};

export const letterTemplateNames = Object.keys(letterTemplates);

/** Puts a letter into the member's Postfach (or the post, by their App-Kommunikation): a template or a PDF. */
export async function deliverLetterAsStaff(
  session: ActiveStaffSession,
  input: { memberId: string; template?: string; subject?: string; category?: string; pdf?: Uint8Array<ArrayBuffer> },
  meta: RequestMeta,
) {
  if (!z.uuid().safeParse(input.memberId).success) return null;
  const member = await prisma.member.findUnique({ where: { id: input.memberId }, select: { id: true } });
  if (!member) return null;
  const delivery = input.pdf
    ? { subject: input.subject ?? '', category: (input.category ?? 'GENERAL') as Parameters<typeof deliverLetter>[0]['category'], pdf: input.pdf }
    : input.template && isLetterTemplate(input.template)
      ? templateDelivery(input.template)
      : null;
  if (!delivery || !delivery.subject) return null;
  const result = await deliverLetter({ memberId: member.id, ...delivery });
  await prisma.$transaction(staffAuditOps({ action: 'staff.letter.delivered', staff: session.staff, subjectMemberId: member.id, target: result.letterId, meta, memberVisible: true, details: { channel: result.channel } }));
  return result;
}

const memberRef = { select: { id: true, firstName: true, lastName: true, kvnr: true } } as const;

/** Messages to the app support that are not closed: new ones first, then those answered. */
export const supportQueue = {
  list() {
    return prisma.supportMessage.findMany({
      where: { status: { not: 'CLOSED' } },
      // The enum's order: OPEN before ANSWERED.
      orderBy: [{ status: 'asc' }, { createdAt: 'asc' }],
      take: 50,
      select: { ...sentSupportMessage, member: memberRef },
    });
  },
  count() {
    return prisma.supportMessage.count({ where: { status: 'OPEN' } });
  },
  /** An answer the member finds under "Meine Nachrichten an den App-Support"; in the staff chain too. */
  /** The answer and the staff chain's entry commit together, in answerSupportMessage's transaction. */
  answer(session: ActiveStaffSession, messageId: string, text: string, meta: RequestMeta): Promise<'ok' | 'not_found' | 'invalid'> {
    if (!z.uuid().safeParse(messageId).success) return Promise.resolve('not_found');
    const record = (memberId: string) => staffAuditOps({ action: 'staff.support.answered', staff: session.staff, subjectMemberId: memberId, target: messageId, meta });
    return answerSupportMessage({ messageId, staffId: session.staff.id, text }, meta, record);
  },
  close(session: ActiveStaffSession, messageId: string, meta: RequestMeta): Promise<'ok' | 'not_found'> {
    if (!z.uuid().safeParse(messageId).success) return Promise.resolve('not_found');
    const record = (memberId: string) => staffAuditOps({ action: 'staff.support.closed', staff: session.staff, subjectMemberId: memberId, target: messageId, meta });
    return closeSupportMessage({ messageId, staffId: session.staff.id }, meta, record);
  },
};

/** Reports of barriers (Erklärung zur Barrierefreiheit): answered by email, within a month as promised there. */
export const barrierQueue = {
  list() {
    return prisma.accessibilityFeedback.findMany({
      where: { status: { in: ['NEW', 'IN_PROGRESS'] } },
      orderBy: { createdAt: 'asc' },
      take: 50,
      select: { id: true, name: true, email: true, page: true, message: true, locale: true, createdAt: true },
    });
  },
  async markAnswered(session: ActiveStaffSession, id: string, meta: RequestMeta): Promise<boolean> {
    if (!z.uuid().safeParse(id).success) return false;
    const [updated] = await prisma.$transaction([
      prisma.accessibilityFeedback.updateMany({ where: { id, status: { in: ['NEW', 'IN_PROGRESS'] } }, data: { status: 'ANSWERED', answeredAt: new Date() } }),
      ...staffAuditOps({ action: 'staff.barrier_report.answered', staff: session.staff, target: id, meta }),
    ]);
    return updated.count === 1;
  },
};

/** Name changes waiting for a decision, oldest first, each with its document. */
export const nameChangeQueue = {
  list() {
    return prisma.nameChangeRequest.findMany({
      where: { status: 'PENDING' },
      orderBy: { createdAt: 'asc' },
      take: 50,
      select: { id: true, firstName: true, lastName: true, reason: true, documentName: true, createdAt: true, member: memberRef },
    });
  },
  count() {
    return prisma.nameChangeRequest.count({ where: { status: 'PENDING' } });
  },
  /** The proof the member uploaded, for the staff member deciding; only while the change is pending. */
  async document(session: ActiveStaffSession, requestId: string, meta: RequestMeta) {
    if (!z.uuid().safeParse(requestId).success) return null;
    const request = await prisma.nameChangeRequest.findFirst({ where: { id: requestId, status: 'PENDING' }, select: { memberId: true, documentName: true, documentType: true, documentData: true } });
    if (!request) return null;
    await prisma.$transaction(staffAuditOps({ action: 'staff.name_change.document_viewed', staff: session.staff, subjectMemberId: request.memberId, target: requestId, meta }));
    return request;
  },
  /** Approving writes the new name to the member; the member sees the decision on their page and in the log. */
  async decide(session: ActiveStaffSession, requestId: string, decision: 'APPROVED' | 'REJECTED', note: string, meta: RequestMeta): Promise<'ok' | 'not_found'> {
    if (!z.uuid().safeParse(requestId).success) return 'not_found';
    const action = `staff.name_change.${decision === 'APPROVED' ? 'approved' : 'rejected'}`;
    const record = (memberId: string) => staffAuditOps({ action, staff: session.staff, subjectMemberId: memberId, target: requestId, meta });
    return decideNameChange({ requestId, staffId: session.staff.id, decision, note: note.trim().slice(0, 500) || undefined }, meta, record);
  },
};

/** What staff may set on a case here: a decision or review, or the documents still missing. */
export const caseActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('status'), caseId: z.uuid(), status: z.enum(['IN_REVIEW', 'APPROVED', 'DECLINED']), medicalService: z.boolean(), note: z.string().trim().max(500) }),
  z.object({
    action: z.literal('documents'),
    caseId: z.uuid(),
    documents: z
      .string()
      .transform((v) => v.split('\n').map((line) => line.trim()).filter(Boolean))
      .pipe(z.array(z.string().max(200)).min(1).max(10)),
  }),
]);

export const claimsQueue = {
  forMember(memberId: string) {
    return prisma.claimCase.findMany({ where: { memberId }, orderBy: { receivedAt: 'desc' }, take: 20, select: { id: true, reference: true, type: true, status: true, receivedAt: true } });
  },
  /** Through the same update as the insurer's systems: the timeline, the decision letter, the member's mail. */
  async update(session: ActiveStaffSession, input: unknown, meta: RequestMeta): Promise<'ok' | 'invalid' | 'not_found'> {
    const parsed = caseActionSchema.safeParse(input);
    if (!parsed.success) return 'invalid';
    const update = parsed.data;
    const action = `staff.claims.${update.action === 'status' ? update.status.toLowerCase() : 'documents_requested'}`;
    const record: StaffRecord = (memberId) => staffAuditOps({ action, staff: session.staff, subjectMemberId: memberId, target: update.caseId, meta });
    const applied = await applyStaffCaseUpdate(
      update.caseId,
      update.action === 'status'
        ? { kind: 'status', status: update.status, medicalService: update.medicalService, note: update.note || undefined }
        : { kind: 'documents-requested', documents: update.documents },
      record,
    );
    return applied ? 'ok' : 'not_found';
  },
};
