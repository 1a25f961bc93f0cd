import 'server-only';
import { prisma } from '@/lib/db';
import { auditEvent } from '@/lib/audit/commands';
import { env } from '@/lib/config/env';
import { receiptAfter } from '@/lib/claims/receipts';
import { checkUploads, type RefusalReason, type UploadedFile } from '@/lib/files/upload';
import { Prisma } from '@/lib/generated/prisma/client';
import type { RequestMeta } from '@/lib/http/request-meta';
import { isUuid } from './ids';
import type { LetterCategoryName } from './schema';

export function uploadLimits() {
  return { maxFiles: env().MAILBOX_MAX_FILES, maxFileBytes: env().MAILBOX_MAX_FILE_MB * 1024 * 1024 };
}

/** Marks one of the member's letters read or unread. False when there is no such letter of theirs. */
export async function markLetterRead(memberId: string, letterId: string, read: boolean): Promise<boolean> {
  if (!isUuid(letterId)) return false;
  const { count } = await prisma.letter.updateMany({
    where: { id: letterId, memberId, folder: { in: ['INBOX', 'ARCHIVE'] } },
    data: { readAt: read ? new Date() : null },
  });
  return count === 1;
}

/** Marks a letter read the first time it is opened; keeps the first reading time. */
export async function markLetterOpened(memberId: string, letterId: string): Promise<void> {
  if (!isUuid(letterId)) return;
  await prisma.letter.updateMany({ where: { id: letterId, memberId, folder: { in: ['INBOX', 'ARCHIVE'] }, readAt: null }, data: { readAt: new Date() } });
}

/** Moves an incoming letter to the archive or back to the Posteingang. False when it is not the member's. */
export async function archiveLetter(memberId: string, letterId: string, archived: boolean): Promise<boolean> {
  if (!isUuid(letterId)) return false;
  const { count } = await prisma.letter.updateMany({
    where: { id: letterId, memberId, folder: archived ? 'INBOX' : 'ARCHIVE' },
    data: archived ? { folder: 'ARCHIVE', archivedAt: new Date() } : { folder: 'INBOX', archivedAt: null },
  });
  if (count === 1) return true;
  // Already where it should be (a second click) is fine; not the member's letter is not.
  return (await prisma.letter.count({ where: { id: letterId, memberId, folder: archived ? 'ARCHIVE' : 'INBOX' } })) === 1;
}

export type SubmitResult =
  | { ok: true; letterId: string }
  | { ok: false; error: 'not_found' }
  | { ok: false; error: 'files'; tooMany: boolean; refused: { fileName: string; reason: RefusalReason }[] };

type Outgoing =
  | { kind: 'REPLY'; letterId: string; text: string; idempotencyKey: string }
  | { kind: 'SUBMISSION'; category: LetterCategoryName; subject: string; text: string; idempotencyKey: string };

/**
 * Sends the insurer a reply to one of the member's letters, or documents without a letter. The files
 * are checked first; then the sent item, its files and the audit row are written in one transaction, so a
 * refused file leaves nothing behind. The form's idempotency key (unique per member) makes a second
 * submit of the same form return the first one's result.
 */
export async function sendToInsurer(memberId: string, input: Outgoing, uploads: UploadedFile[], meta: RequestMeta): Promise<SubmitResult> {
  const existing = await findByKey(memberId, input.idempotencyKey);
  if (existing) return { ok: true, letterId: existing };

  let header: { subject: string; category: LetterCategoryName; inReplyToId: string | null };
  if (input.kind === 'REPLY') {
    const original = await prisma.letter.findFirst({
      where: { id: input.letterId, memberId, kind: 'LETTER', folder: { in: ['INBOX', 'ARCHIVE'] } },
      select: { id: true, subject: true, category: true },
    });
    if (!original) return { ok: false, error: 'not_found' };
    header = { subject: `Antwort: ${original.subject}`.slice(0, 200), category: original.category, inReplyToId: original.id };
  } else {
    header = { subject: input.subject, category: input.category, inReplyToId: null };
  }

  const checked = await checkUploads(uploads, uploadLimits());
  if (!checked.ok) return { ok: false, error: 'files', tooMany: checked.tooMany, refused: checked.refused };
  if (input.kind === 'SUBMISSION' && checked.files.length === 0) return { ok: false, error: 'files', tooMany: false, refused: [] };

  try {
    const [letter] = await prisma.$transaction([
      prisma.letter.create({
        data: {
          member: { connect: { id: memberId } },
          folder: 'SENT',
          kind: input.kind,
          category: header.category,
          subject: header.subject,
          body: input.text || null,
          readAt: new Date(),
          ...(header.inReplyToId ? { inReplyTo: { connect: { id: header.inReplyToId } } } : {}),
          idempotencyKey: input.idempotencyKey,
          attachments: {
            create: checked.files.map((file, position) => ({
              position,
              fileName: file.fileName,
              file: { create: { member: { connect: { id: memberId } }, contentType: file.contentType, size: file.size, sha256: file.sha256, data: file.bytes } },
            })),
          },
        },
        select: { id: true },
      }),
      auditEvent({
        action: input.kind === 'REPLY' ? 'mailbox.reply.sent' : 'mailbox.documents.submitted',
        actor: { type: 'MEMBER', id: memberId },
        subjectMemberId: memberId,
        meta,
        details: { inReplyTo: header.inReplyToId, files: checked.files.length, idempotencyKey: input.idempotencyKey },
      }),
    ]);
    // Eingangsbestätigung for the files sent (lib/claims/receipts), none for a reply without files.
    await receiptAfter({ memberId, source: input.kind, sentLetterId: letter.id, subject: header.subject, category: header.category, files: checked.files });
    return { ok: true, letterId: letter.id };
  } catch (error) {
    // The same form submitted twice at once: the other request won the unique key, its reply counts.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const winner = await findByKey(memberId, input.idempotencyKey);
      if (winner) return { ok: true, letterId: winner };
    }
    throw error;
  }
}

async function findByKey(memberId: string, idempotencyKey: string): Promise<string | null> {
  const row = await prisma.letter.findUnique({ where: { memberId_idempotencyKey: { memberId, idempotencyKey } }, select: { id: true } });
  return row?.id ?? null;
}
