import 'server-only';
import crypto from 'node:crypto';
import { prisma } from '@/lib/db';
import { auditEvent } from '@/lib/audit/commands';
import { checkUploads, type CheckedFile, type RefusalReason, type UploadedFile } from '@/lib/files/upload';
import { Prisma } from '@/lib/generated/prisma/client';
import type { RequestMeta } from '@/lib/http/request-meta';
import { parseCalendarDate } from '@/lib/insurance/calendar';
import { uploadLimits } from '@/lib/mailbox/commands';
import { isUuid } from '@/lib/mailbox/ids';
import type { LetterCategoryName } from '@/lib/mailbox/schema';
import { receiptAfter } from './receipts';
import { newReference, referencePrefix } from './references';
import { applicationSteps, claimTypeOf, parseStep, STEP_COUNT, type ApplicationKind } from './schema';

type StepErrors = Record<string, string[]>;

/**
 * Saves one step of an online application into the member's draft (one per kind), so that it survives
 * a reload, a new login and another browser. Only valid answers are saved.
 */
export async function saveDraftStep(memberId: string, kind: ApplicationKind, step: number, values: unknown): Promise<{ ok: true; step: number; draftId: string } | { ok: false; errors: StepErrors }> {
  const parsed = parseStep(kind, step, values);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  if (kind === 'kinderkrankengeld' && step === 1) {
    const child = await prisma.member.findFirst({ where: { id: String(parsed.data.childId), familyHeadId: memberId }, select: { id: true } });
    if (!child) return { ok: false, errors: { childId: ['validation.childRequired'] } };
  }
  const type = claimTypeOf[kind];
  const existing = await prisma.claimDraft.findUnique({ where: { memberId_type: { memberId, type } }, select: { data: true, step: true } });
  const data = { ...((existing?.data as Record<string, unknown> | undefined) ?? {}), ...parsed.data } as Prisma.InputJsonObject;
  const next = Math.min(step + 1, STEP_COUNT);
  const draft = await prisma.claimDraft.upsert({
    where: { memberId_type: { memberId, type } },
    create: { memberId, type, step: next, data },
    update: { data, step: Math.max(next, existing?.step ?? 1) },
    select: { id: true },
  });
  return { ok: true, step: next, draftId: draft.id };
}

/** Discards one of the member's drafts. False when there is no such draft of theirs. */
export async function discardDraft(memberId: string, draftId: string): Promise<boolean> {
  if (!isUuid(draftId)) return false;
  const { count } = await prisma.claimDraft.deleteMany({ where: { id: draftId, memberId } });
  return count === 1;
}

export type FilesRefused = { ok: false; error: 'files'; tooMany: boolean; refused: { fileName: string; reason: RefusalReason }[]; needFile: boolean };

export type SubmitApplicationResult =
  | { ok: true; caseId: string }
  | { ok: false; error: 'no_draft' }
  | { ok: false; error: 'incomplete'; step: number }
  | FilesRefused;

async function checkCaseFiles(uploads: UploadedFile[]): Promise<{ ok: true; files: CheckedFile[] } | FilesRefused> {
  const checked = await checkUploads(uploads, uploadLimits());
  if (!checked.ok) return { ok: false, error: 'files', tooMany: checked.tooMany, refused: checked.refused, needFile: false };
  if (checked.files.length === 0) return { ok: false, error: 'files', tooMany: false, refused: [], needFile: true };
  return checked;
}

/** The member's sent item that carries the files (Postfach, "Gesendet"), as an unsent create. */
function sentLetter(memberId: string, letterId: string, subject: string, category: LetterCategoryName, idempotencyKey: string, files: CheckedFile[]) {
  return prisma.letter.create({
    data: {
      id: letterId,
      member: { connect: { id: memberId } },
      folder: 'SENT',
      kind: 'SUBMISSION',
      category,
      subject: subject.slice(0, 200),
      readAt: new Date(),
      idempotencyKey,
      attachments: {
        create: files.map((file, position) => ({
          position,
          fileName: file.fileName,
          file: { create: { member: { connect: { id: memberId } }, contentType: file.contentType, size: file.size, sha256: file.sha256, data: file.bytes } },
        })),
      },
    },
    select: { id: true },
  });
}

const receiptFiles = (files: CheckedFile[]) => files.map(({ fileName, size, sha256 }) => ({ fileName, size, sha256 }));

const applicationName = { kinderkrankengeld: 'Kinderkrankengeld', mutterschaftsgeld: 'Mutterschaftsgeld' } as const;

/**
 * Submits an online application: the draft's answers (all steps valid), the certificate as a file. The
 * case, its first timeline step, the sent item with the files, the end of the draft and the audit row
 * are one transaction, so a refused file or a failure leaves nothing half-saved; then the
 * Eingangsbestätigung goes into the Postfach. A second submit with the same key finds the first case.
 */
export async function submitApplication(memberId: string, kind: ApplicationKind, idempotencyKey: string, uploads: UploadedFile[], meta: RequestMeta): Promise<SubmitApplicationResult> {
  const type = claimTypeOf[kind];
  const existing = await prisma.claimCase.findUnique({ where: { memberId_idempotencyKey: { memberId, idempotencyKey } }, select: { id: true } });
  if (existing) return { ok: true, caseId: existing.id };

  const draft = await prisma.claimDraft.findUnique({ where: { memberId_type: { memberId, type } } });
  if (!draft) return { ok: false, error: 'no_draft' };
  const data: Record<string, unknown> = {};
  for (const [index] of applicationSteps[kind].entries()) {
    const parsed = parseStep(kind, index + 1, draft.data);
    if (!parsed.success) return { ok: false, error: 'incomplete', step: index + 1 };
    Object.assign(data, parsed.data);
  }

  let child: { id: string; firstName: string; lastName: string } | null = null;
  if (kind === 'kinderkrankengeld') {
    child = await prisma.member.findFirst({ where: { id: String(data.childId), familyHeadId: memberId }, select: { id: true, firstName: true, lastName: true } });
    if (!child) return { ok: false, error: 'incomplete', step: 1 };
  }

  const checked = await checkCaseFiles(uploads);
  if (!checked.ok) return checked;

  const now = new Date();
  const reference = newReference(referencePrefix[type], now);
  const letterId = crypto.randomUUID();
  const subject = `Antrag auf ${applicationName[kind]} ${reference}`;
  const category: LetterCategoryName = 'BENEFITS';
  const date = (key: string) => (typeof data[key] === 'string' ? parseCalendarDate(data[key] as string) : null);
  const hospital = data.hospital === true;

  try {
    const [created] = await prisma.$transaction([
      prisma.claimCase.create({
        data: {
          memberId,
          type,
          reference,
          receivedAt: now,
          idempotencyKey,
          ...(kind === 'kinderkrankengeld'
            ? {
                childId: child!.id,
                childName: `${child!.firstName} ${child!.lastName}`,
                periodStart: date('from'),
                periodEnd: date('to'),
                hospitalStart: hospital ? date('hospitalFrom') : null,
                hospitalEnd: hospital ? date('hospitalTo') : null,
                singleParent: data.singleParent === true,
              }
            : { expectedBirthDate: date('expectedBirthDate'), employment: String(data.employment) }),
          events: { create: [{ kind: 'RECEIVED', occurredAt: now, letterId }] },
        },
        select: { id: true },
      }),
      sentLetter(memberId, letterId, subject, category, idempotencyKey, checked.files),
      prisma.claimDraft.delete({ where: { id: draft.id } }),
      auditEvent({ action: 'claims.application.submitted', actor: { type: 'MEMBER', id: memberId }, subjectMemberId: memberId, meta, details: { type, files: checked.files.length, idempotencyKey } }),
    ]);
    await receiptAfter({ memberId, source: 'APPLICATION', sentLetterId: letterId, subject, category, files: receiptFiles(checked.files), caseId: created.id, caseReference: reference, receivedAt: now });
    return { ok: true, caseId: created.id };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const winner = await prisma.claimCase.findUnique({ where: { memberId_idempotencyKey: { memberId, idempotencyKey } }, select: { id: true } });
      if (winner) return { ok: true, caseId: winner.id };
    }
    throw error;
  }
}

export type CaseUploadResult = { ok: true; letterId: string } | { ok: false; error: 'not_found' } | FilesRefused;

/**
 * Uploads documents into one of the member's cases (the missing ones the insurer asked for). The sent
 * item, the timeline step and the case's new state are one transaction; then the receipt follows.
 */
export async function uploadCaseDocuments(memberId: string, caseId: string, idempotencyKey: string, uploads: UploadedFile[], meta: RequestMeta): Promise<CaseUploadResult> {
  if (!isUuid(caseId)) return { ok: false, error: 'not_found' };
  const found = await prisma.claimCase.findFirst({ where: { id: caseId, memberId }, select: { id: true, reference: true, status: true } });
  if (!found) return { ok: false, error: 'not_found' };
  const existing = await prisma.letter.findUnique({ where: { memberId_idempotencyKey: { memberId, idempotencyKey } }, select: { id: true } });
  if (existing) return { ok: true, letterId: existing.id };

  const checked = await checkCaseFiles(uploads);
  if (!checked.ok) return checked;

  const now = new Date();
  const letterId = crypto.randomUUID();
  const subject = `Unterlagen zum Antrag ${found.reference}`;
  const category: LetterCategoryName = 'DOCUMENTS';
  try {
    await prisma.$transaction([
      sentLetter(memberId, letterId, subject, category, idempotencyKey, checked.files),
      prisma.claimEvent.create({ data: { caseId: found.id, kind: 'DOCUMENTS_RECEIVED', occurredAt: now, letterId } }),
      prisma.claimCase.update({
        where: { id: found.id },
        data: found.status === 'DOCUMENTS_MISSING' ? { status: 'IN_REVIEW', missingDocuments: [] } : { missingDocuments: [] },
      }),
      auditEvent({ action: 'claims.documents.uploaded', actor: { type: 'MEMBER', id: memberId }, subjectMemberId: memberId, meta, details: { caseId: found.id, files: checked.files.length, idempotencyKey } }),
    ]);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const winner = await prisma.letter.findUnique({ where: { memberId_idempotencyKey: { memberId, idempotencyKey } }, select: { id: true } });
      if (winner) return { ok: true, letterId: winner.id };
    }
    throw error;
  }
  await receiptAfter({ memberId, source: 'CASE_DOCUMENT', sentLetterId: letterId, subject, category, files: receiptFiles(checked.files), caseId: found.id, caseReference: found.reference, receivedAt: now });
  return { ok: true, letterId };
}
