import 'server-only';
import crypto from 'node:crypto';
import { prisma } from '@/lib/db';
import { auditEvent } from '@/lib/audit/commands';
import { env } from '@/lib/config/env';
import { queueEmail } from '@/lib/mail/outbox';
import { renderLetterPdf, type LetterSpec } from './letter-pdf';
import type { LetterCategoryName } from './schema';
import { letterBlocks, type LetterBlock } from './templates';

export type LetterDelivery = {
  /** The member, by id or by Krankenversichertennummer. */
  memberId?: string;
  memberKvnr?: string;
  subject: string;
  category: LetterCategoryName;
  /** A finished PDF, or the letter's text, rendered here. */
  pdf: Uint8Array<ArrayBuffer> | ((member: LetterRecipient) => LetterSpec);
  /** The letter's text for the page; derived from the spec when the PDF is rendered here. */
  text?: LetterBlock[];
  /** Aufbewahrungsfrist; ten years after delivery when not given. */
  retentionUntil?: Date;
  deliveredAt?: Date;
};

export type LetterRecipient = {
  id: string;
  kvnr: string;
  firstName: string;
  lastName: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  /** Start of the current uninterrupted insurance (a calendar day at UTC midnight), if known. */
  memberSince?: Date;
};

const RETENTION_YEARS = 10;

/**
 * How the insurer's systems put a letter to a member. With App-Kommunikation on, it goes into the
 * Postfach and a mail without any content says that a letter has arrived; with it off, the letter is
 * recorded for postal delivery and does not appear in the Postfach.
 */
export async function deliverLetter(delivery: LetterDelivery): Promise<{ letterId: string; channel: 'postfach' | 'postal' }> {
  if (!delivery.memberId && !delivery.memberKvnr) throw new Error('deliverLetter needs memberId or memberKvnr.');
  const member = await prisma.member.findFirst({
    where: delivery.memberId ? { id: delivery.memberId } : { kvnr: delivery.memberKvnr!.toUpperCase() },
    select: { id: true, kvnr: true, firstName: true, lastName: true, street: true, houseNumber: true, postalCode: true, city: true, email: true, appCommunication: true },
  });
  if (!member) throw new Error('No member with this id or KVNR.');
  const recipient: LetterRecipient = { ...member, memberSince: await uninterruptedSince(member.id) };

  const data = typeof delivery.pdf === 'function' ? new Uint8Array(await renderLetterPdf(delivery.pdf(recipient))) : delivery.pdf;
  const text = delivery.text ?? (typeof delivery.pdf === 'function' ? letterBlocks(delivery.pdf(recipient)) : null);
  const deliveredAt = delivery.deliveredAt ?? new Date();
  const retentionUntil = delivery.retentionUntil ?? new Date(Date.UTC(deliveredAt.getUTCFullYear() + RETENTION_YEARS, deliveredAt.getUTCMonth(), deliveredAt.getUTCDate()));
  const inPostfach = member.appCommunication;

  const letter = prisma.letter.create({
    data: {
      member: { connect: { id: member.id } },
      folder: inPostfach ? 'INBOX' : 'POSTAL',
      kind: 'LETTER',
      category: delivery.category,
      subject: delivery.subject.slice(0, 200),
      ...(text ? { content: text } : {}),
      deliveredAt,
      retentionUntil,
      file: {
        create: {
          member: { connect: { id: member.id } },
          contentType: 'application/pdf',
          size: data.byteLength,
          sha256: crypto.createHash('sha256').update(data).digest('hex'),
          data,
        },
      },
    },
    select: { id: true },
  });
  const audit = auditEvent({
    action: inPostfach ? 'mailbox.letter.delivered' : 'mailbox.letter.postal',
    actor: { type: 'SYSTEM' },
    subjectMemberId: member.id,
    details: { category: delivery.category },
  });
  const [created] = inPostfach
    ? await prisma.$transaction([letter, audit, queueEmail(letterArrivedMail(member))])
    : await prisma.$transaction([letter, audit]);
  return { letterId: created.id, channel: inPostfach ? 'postfach' : 'postal' };
}

/** The start of the member's current insurance, walking back over periods that follow each other without a gap. */
async function uninterruptedSince(memberId: string): Promise<Date | undefined> {
  const periods = await prisma.insurancePeriod.findMany({ where: { memberId }, orderBy: { startsOn: 'desc' }, select: { startsOn: true, endsOn: true } });
  const current = periods[0];
  if (!current || current.endsOn) return undefined;
  let since = current.startsOn;
  for (const earlier of periods.slice(1)) {
    if (!earlier.endsOn || earlier.endsOn.getTime() + 86_400_000 !== since.getTime()) break;
    since = earlier.startsOn;
  }
  return since;
}

/** Says only that something arrived: no subject, no category, nothing about health. */
function letterArrivedMail(member: { id: string; email: string; firstName: string; lastName: string }) {
  return {
    to: member.email,
    memberId: member.id,
    kind: 'letter_arrived',
    subject: 'Neues Schreiben in Ihrem HEK-Postfach',
    text: [
      `Guten Tag ${member.firstName} ${member.lastName},`,
      '',
      'in Ihrem Postfach im HEK Service-Portal liegt ein neues Schreiben für Sie.',
      `Sie finden es nach der Anmeldung unter ${env().APP_URL.replace(/\/$/, '')}/postfach.`,
      '',
      'Ihre HEK',
    ].join('\n'),
  };
}
