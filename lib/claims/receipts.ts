import 'server-only';
import { prisma } from '@/lib/db';
import { isUuid } from '@/lib/mailbox/ids';
import { deliverLetter } from '@/lib/mailbox/deliver';
import type { LetterCategoryName } from '@/lib/mailbox/schema';
import { newReference } from './references';

// Eingangsbestätigung (upload receipt): for every file a member sends — online applications, documents
// for a case, Antworten and Dokumente einreichen in the Postfach — a letter in the Postfach that says
// what arrived when, with each file's name, size and SHA-256, so the member can prove what they sent.

export type ReceiptFile = { fileName: string; size: number; sha256: string };

export type ReceiptSource = 'APPLICATION' | 'CASE_DOCUMENT' | 'REPLY' | 'SUBMISSION';

const sourceText: Record<ReceiptSource, string> = {
  APPLICATION: 'Ihren Online-Antrag',
  CASE_DOCUMENT: 'Unterlagen zu Ihrem Antrag',
  REPLY: 'Ihre Antwort auf unser Schreiben',
  SUBMISSION: 'Ihre eingereichten Dokumente',
};

const instant = (d: Date) =>
  new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeStyle: 'medium', timeZone: 'Europe/Berlin' }).format(d);

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} Byte`;
  const kb = size / 1024;
  if (kb < 1024) return `${kb.toLocaleString('de-DE', { maximumFractionDigits: 1 })} KB`;
  return `${(kb / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
}

/** The receipt letter's paragraphs (also what the tests read back from the PDF). */
export function receiptParagraphs(input: { reference: string; receivedAt: Date; source: ReceiptSource; subject: string; caseReference?: string | null; files: ReceiptFile[] }): string[] {
  return [
    `wir bestätigen den Eingang: ${sourceText[input.source]} „${input.subject}“${input.caseReference ? ` (Aktenzeichen ${input.caseReference})` : ''}.`,
    `Nummer der Eingangsbestätigung: ${input.reference}. Eingegangen am ${instant(input.receivedAt)} (Ortszeit Hamburg).`,
    ...input.files.map((f, i) => `Datei ${i + 1}: ${f.fileName} – ${formatBytes(f.size)} (${f.size} Byte) – SHA-256: ${f.sha256}`),
    'Der SHA-256-Wert ist der digitale Fingerabdruck einer Datei: Stimmt er mit dem Ihrer Datei überein, haben wir genau diese Datei erhalten.',
    'Bitte bewahren Sie diese Bestätigung auf. Sie brauchen nichts weiter zu tun.',
  ];
}

/**
 * Records the receipt and puts it into the member's Postfach (or the post, with App-Kommunikation off)
 * through deliverLetter(). Called after the files are stored; nothing is sent for a message without files.
 */
export async function sendUploadReceipt(input: {
  memberId: string;
  source: ReceiptSource;
  sentLetterId: string;
  subject: string;
  category: LetterCategoryName;
  files: ReceiptFile[];
  caseId?: string | null;
  caseReference?: string | null;
  receivedAt?: Date;
}): Promise<{ receiptId: string; letterId: string } | null> {
  if (input.files.length === 0) return null;
  const receivedAt = input.receivedAt ?? new Date();
  const reference = newReference('EB', receivedAt);
  const paragraphs = receiptParagraphs({ ...input, reference, receivedAt });
  const { letterId } = await deliverLetter({
    memberId: input.memberId,
    subject: `Eingangsbestätigung ${reference}`,
    category: input.category,
    deliveredAt: receivedAt,
    pdf: (member) => ({
      recipient: { name: `${member.firstName} ${member.lastName}`, street: `${member.street} ${member.houseNumber}`, city: `${member.postalCode} ${member.city}` },
      kvnr: member.kvnr,
      date: receivedAt,
      subject: `Eingangsbestätigung ${reference}`,
      salutation: `Guten Tag ${member.firstName} ${member.lastName},`,
      paragraphs,
    }),
  });
  const receipt = await prisma.uploadReceipt.create({
    data: {
      memberId: input.memberId,
      reference,
      source: input.source,
      receivedAt,
      sentLetterId: input.sentLetterId,
      letterId,
      caseId: input.caseId ?? null,
      files: input.files.map((f) => ({ name: f.fileName, size: f.size, sha256: f.sha256 })),
    },
    select: { id: true },
  });
  return { receiptId: receipt.id, letterId };
}

/** One of the member's receipts; null for another member's or an unknown id. */
export async function getUploadReceipt(memberId: string, receiptId: string) {
  if (!isUuid(receiptId)) return null;
  return prisma.uploadReceipt.findFirst({ where: { id: receiptId, memberId } });
}

/** The receipts of a case, newest first. */
export function receiptsOfCase(memberId: string, caseId: string) {
  return prisma.uploadReceipt.findMany({ where: { memberId, caseId }, orderBy: { receivedAt: 'desc' } });
}

/**
 * The receipt follows a stored submission; if it fails, the submission still stands (a retry would
 * find it by its key), so the failure is logged — by id only — rather than shown as a failed send.
 */
export async function receiptAfter(input: Parameters<typeof sendUploadReceipt>[0]): Promise<void> {
  try {
    await sendUploadReceipt(input);
  } catch (error) {
    console.error(`Upload receipt for letter ${input.sentLetterId} failed:`, error instanceof Error ? error.message : error);
  }
}
