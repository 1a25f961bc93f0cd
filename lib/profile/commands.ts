import 'server-only';
import crypto from 'node:crypto';
import { prisma } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { env } from '@/lib/config/env';
import { auditEvent } from '@/lib/audit/commands';
import type { StaffRecord } from '@/lib/audit/chain';
import { hashToken, type ActiveSession } from '@/lib/auth/session';
import { requireStepUp } from '@/lib/auth/step-up';
import { checkUploads, type UploadedFile } from '@/lib/files/upload';
import { queueEmail } from '@/lib/mail/outbox';
import { documentTranslator } from '@/lib/pdf/texts';
import { securityNoticeOps } from '@/lib/security/notices';
import type { RequestMeta } from '@/lib/http/request-meta';
import { addressSchema, emailChangeSchema, nameChangeSchema, phoneSchema } from './schema';

type FieldErrors = Record<string, string[] | undefined>;
export type ProfileResult = { ok: true } | { ok: false; errors: FieldErrors };

const actor = (memberId: string) => ({ type: 'MEMBER' as const, id: memberId });

/** Changes the postal address at once; audited, with a security notice. */
export async function changeAddress(memberId: string, input: unknown, meta: RequestMeta): Promise<ProfileResult> {
  const parsed = addressSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.flatten().fieldErrors };
  await prisma.$transaction([
    prisma.member.update({ where: { id: memberId }, data: parsed.data }),
    auditEvent({ action: 'profile.address.changed', actor: actor(memberId), subjectMemberId: memberId, meta, details: { country: parsed.data.country } }),
    ...(await securityNoticeOps(memberId, 'address_changed', meta)),
  ]);
  return { ok: true };
}

export async function changePhone(memberId: string, input: unknown, meta: RequestMeta): Promise<ProfileResult> {
  const parsed = phoneSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.flatten().fieldErrors };
  await prisma.$transaction([
    prisma.member.update({ where: { id: memberId }, data: { phone: parsed.data.phone || null } }),
    auditEvent({ action: 'profile.phone.changed', actor: actor(memberId), subjectMemberId: memberId, meta, details: { removed: !parsed.data.phone } }),
    ...(await securityNoticeOps(memberId, 'phone_changed', meta)),
  ]);
  return { ok: true };
}

export type EmailChangeResult = ProfileResult | { ok: false; error: 'same_email' };

/**
 * Asks for a new email address: it becomes active only after the link sent to it is confirmed. Needs a
 * fresh second factor (throws step_up_required). The current address keeps working until then, and it is
 * told now, with "Das war ich nicht".
 */
export async function requestEmailChange(session: Pick<ActiveSession, 'memberId' | 'stepUpAt'>, input: unknown, meta: RequestMeta): Promise<EmailChangeResult> {
  requireStepUp(session);
  const { memberId } = session;
  const parsed = emailChangeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.flatten().fieldErrors };
  const member = await prisma.member.findUniqueOrThrow({ where: { id: memberId }, select: { email: true, firstName: true, lastName: true } });
  const newEmail = parsed.data.email;
  if (newEmail === member.email.toLowerCase()) return { ok: false, error: 'same_email' };

  const token = crypto.randomBytes(32).toString('base64url');
  const hours = env().EMAIL_CONFIRMATION_HOURS;
  const t = documentTranslator('profile.data.email.mail');
  const link = `${env().origin}/email-bestaetigen?token=${token}`;
  const now = new Date();
  await prisma.$transaction([
    prisma.emailChangeRequest.updateMany({ where: { memberId, confirmedAt: null, cancelledAt: null }, data: { cancelledAt: now } }),
    prisma.emailChangeRequest.create({
      data: { memberId, newEmail, oldEmail: member.email, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + hours * 3600_000) },
    }),
    queueEmail({
      to: newEmail,
      memberId,
      kind: 'email_change_confirmation',
      subject: t('confirmSubject'),
      text: t('confirmText', { name: `${member.firstName} ${member.lastName}`, link, hours }),
    }),
    auditEvent({ action: 'profile.email.change_requested', actor: actor(memberId), subjectMemberId: memberId, meta }),
    // The notice (with its email) goes to the address in use, which is the one to warn.
    ...(await securityNoticeOps(memberId, 'email_change_requested', meta, { name: newEmail })),
  ]);
  return { ok: true };
}

export type EmailLinkState = 'valid' | 'invalid' | 'used' | 'expired';

async function findEmailChange(token: string) {
  if (!token || token.length > 200) return null;
  return prisma.emailChangeRequest.findUnique({ where: { tokenHash: hashToken(token) } });
}

/** What the confirmation page shows before the button is pressed (mail scanners open links). */
export async function emailChangeLinkState(token: string): Promise<{ state: EmailLinkState; email?: string }> {
  const row = await findEmailChange(token);
  if (!row || row.cancelledAt) return { state: 'invalid' };
  if (row.confirmedAt) return { state: 'used' };
  if (row.expiresAt <= new Date()) return { state: 'expired' };
  return { state: 'valid', email: row.newEmail };
}

/**
 * Confirms the new address by its link (no session needed: the link is the proof that the member reads
 * that mailbox). Claimed by one conditional update, so the link works once. The old address is told.
 */
export async function confirmEmailChange(token: string, meta: RequestMeta): Promise<{ ok: true } | { ok: false; error: Exclude<EmailLinkState, 'valid'> }> {
  const { state } = await emailChangeLinkState(token);
  if (state !== 'valid') return { ok: false, error: state };
  const now = new Date();
  const tokenHash = hashToken(token);
  const claimed = await prisma.emailChangeRequest.updateMany({ where: { tokenHash, confirmedAt: null, cancelledAt: null, expiresAt: { gt: now } }, data: { confirmedAt: now } });
  if (claimed.count !== 1) return { ok: false, error: 'used' };
  const row = await prisma.emailChangeRequest.findUniqueOrThrow({ where: { tokenHash } });
  const member = await prisma.member.findUniqueOrThrow({ where: { id: row.memberId }, select: { firstName: true, lastName: true } });
  const t = documentTranslator('profile.data.email.mail');
  const notice = await securityNoticeOps(row.memberId, 'email_changed', meta, { name: row.newEmail });
  await prisma.$transaction([
    prisma.member.update({ where: { id: row.memberId }, data: { email: row.newEmail } }),
    prisma.account.updateMany({ where: { memberId: row.memberId }, data: { emailVerifiedAt: now } }),
    auditEvent({ action: 'profile.email.changed', actor: actor(row.memberId), subjectMemberId: row.memberId, meta }),
    // The notice's own email goes to the new address (read from the member before the update); the old
    // address gets its own message, so that whoever lost control of the account hears of it.
    ...notice,
    queueEmail({
      to: row.oldEmail,
      memberId: row.memberId,
      kind: 'email_changed_old_address',
      subject: t('oldSubject'),
      text: t('oldText', { name: `${member.firstName} ${member.lastName}`, email: row.newEmail }),
    }),
  ]);
  return { ok: true };
}

/** Withdraws an email change that was not confirmed yet. */
export async function cancelEmailChange(memberId: string, meta: RequestMeta): Promise<void> {
  await prisma.$transaction([
    prisma.emailChangeRequest.updateMany({ where: { memberId, confirmedAt: null, cancelledAt: null }, data: { cancelledAt: new Date() } }),
    auditEvent({ action: 'profile.email.change_cancelled', actor: actor(memberId), subjectMemberId: memberId, meta }),
  ]);
}

export const NAME_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export type NameChangeResult = ProfileResult | { ok: false; error: 'document'; reason: string } | { ok: false; error: 'already_pending' };

/**
 * Asks for a change of name with the document that proves it. It stays pending until staff decide in the
 * admin queue; one pending request at a time. A double submit (same requestKey) creates one.
 */
export async function requestNameChange(memberId: string, input: unknown, document: UploadedFile | null, meta: RequestMeta): Promise<NameChangeResult> {
  const parsed = nameChangeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.flatten().fieldErrors };
  const existing = await prisma.nameChangeRequest.findFirst({ where: { memberId, status: 'PENDING' }, select: { requestKey: true } });
  if (existing) return existing.requestKey === parsed.data.requestKey ? { ok: true } : { ok: false, error: 'already_pending' };
  if (!document) return { ok: false, error: 'document', reason: 'missing' };
  const check = await checkUploads([document], { maxFiles: 1, maxFileBytes: NAME_DOCUMENT_MAX_BYTES });
  if (!check.ok) return { ok: false, error: 'document', reason: check.refused[0]?.reason ?? 'type_not_allowed' };
  const file = check.files[0]!;
  const { firstName, lastName, reason, requestKey } = parsed.data;
  await prisma.$transaction([
    prisma.nameChangeRequest.create({
      data: { memberId, firstName, lastName, reason, requestKey, documentName: file.fileName, documentType: file.contentType, documentData: file.bytes },
    }),
    auditEvent({ action: 'profile.name.change_requested', actor: actor(memberId), subjectMemberId: memberId, meta, details: { reason } }),
    ...(await securityNoticeOps(memberId, 'name_change_requested', meta)),
  ]);
  return { ok: true };
}

/** Withdraws the member's own pending name change; someone else's id is not found. */
export async function withdrawNameChange(memberId: string, id: string, meta: RequestMeta): Promise<'ok' | 'not_found'> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return 'not_found';
  const [updated] = await prisma.$transaction([
    prisma.nameChangeRequest.updateMany({ where: { id, memberId, status: 'PENDING' }, data: { status: 'WITHDRAWN', decidedAt: new Date() } }),
    auditEvent({ action: 'profile.name.change_withdrawn', actor: actor(memberId), subjectMemberId: memberId, meta, details: { requestId: id } }),
  ]);
  // The audit row of a no-op is harmless, but a foreign or decided id must look like a missing one.
  return updated.count === 1 ? 'ok' : 'not_found';
}

/**
 * For the admin queue: staff decide a pending name change. APPROVED writes the new name to the member in
 * the same transaction. Returns not_found when the request is not pending (decided or withdrawn).
 */
export async function decideNameChange(
  input: { requestId: string; staffId: string; decision: 'APPROVED' | 'REJECTED'; note?: string },
  meta: RequestMeta,
  staffRecord: StaffRecord = () => [],
): Promise<'ok' | 'not_found'> {
  const request = await prisma.nameChangeRequest.findFirst({ where: { id: input.requestId, status: 'PENDING' } });
  if (!request) return 'not_found';
  const now = new Date();
  const decided = prisma.$transaction([
    // Still pending, or nothing of this batch is written: of two staff members deciding at once, the
    // second changes no name and leaves no record (Prisma refuses the update with P2025).
    prisma.nameChangeRequest.update({
      where: { id: request.id, status: 'PENDING' },
      data: { status: input.decision, decidedAt: now, decidedByStaffId: input.staffId, decisionNote: input.note ?? null },
    }),
    ...(input.decision === 'APPROVED'
      ? [prisma.member.update({ where: { id: request.memberId }, data: { firstName: request.firstName, lastName: request.lastName } })]
      : []),
    auditEvent({
      action: `profile.name.change_${input.decision === 'APPROVED' ? 'approved' : 'rejected'}`,
      actor: { type: 'STAFF', id: input.staffId },
      subjectMemberId: request.memberId,
      meta,
      details: { requestId: request.id },
    }),
    ...staffRecord(request.memberId),
  ]);
  try {
    await decided;
    return 'ok';
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') return 'not_found';
    throw error;
  }
}
