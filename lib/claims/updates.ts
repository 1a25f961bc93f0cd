import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db';
import type { StaffRecord } from '@/lib/audit/chain';
import { auditEvent } from '@/lib/audit/commands';
import { env } from '@/lib/config/env';
import { germanDate, parseCalendarDate } from '@/lib/insurance/calendar';
import { queueEmail } from '@/lib/mail/outbox';
import { deliverLetter } from '@/lib/mailbox/deliver';
import { cappedDailyAmountCents } from './rules/daily-amount';
import { inclusiveDays } from './rules/days';

/**
 * Case updates from the insurer's systems (the back office), the way letters arrive through
 * deliverLetter(): a documented server-side function, called by an integration or by
 * `npm run claim:update`. Each update writes the change and its timeline step in one transaction, then
 * tells the member: a decision or a request for documents comes as a letter into the Postfach (with its
 * own notice mail); anything else as a notice mail without content, like the one for a letter.
 *
 *   { kind: 'status', reference, status: 'IN_REVIEW' | 'APPROVED' | 'DECLINED', medicalService?, note? }
 *   { kind: 'sick-note', reference, start, end, channel: 'EAU' | 'UPLOAD' | 'POST', receivedAt? }
 *   { kind: 'payment', reference, periodStart, periodEnd, dailyAmountCents, paidOn, ibanMasked }
 *   { kind: 'documents-requested', reference, documents: string[] }
 *
 * Dates are "YYYY-MM-DD". A daily amount above the year's maximum (§ 47 SGB V) is capped.
 */
const isoDay = z.string().refine((v) => parseCalendarDate(v) !== null, 'not a date (YYYY-MM-DD)');
const reference = z.string().trim().min(3).max(20);

export const caseUpdateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), reference, status: z.enum(['IN_REVIEW', 'APPROVED', 'DECLINED']), medicalService: z.boolean().optional(), note: z.string().max(500).optional() }),
  z.object({ kind: z.literal('sick-note'), reference, start: isoDay, end: isoDay, channel: z.enum(['EAU', 'UPLOAD', 'POST']), receivedAt: z.iso.datetime({ offset: true }).optional() }),
  z.object({ kind: z.literal('payment'), reference, periodStart: isoDay, periodEnd: isoDay, dailyAmountCents: z.int().positive(), paidOn: isoDay, ibanMasked: z.string().min(4).max(40) }),
  z.object({ kind: z.literal('documents-requested'), reference, documents: z.array(z.string().trim().min(1).max(200)).min(1).max(10) }),
]);
export type CaseUpdate = z.input<typeof caseUpdateSchema>;
type WithoutReference<T> = T extends unknown ? Omit<T, 'reference'> : never;
type Change = WithoutReference<z.output<typeof caseUpdateSchema>>;
/** What staff may set on a case from the console (lib/admin/queues.ts claimsQueue). */
export type StaffCaseUpdate = Extract<Change, { kind: 'status' | 'documents-requested' }>;
type Applied = { caseId: string; letterId?: string };

const typeName = { SICKNESS_BENEFIT: 'Krankengeld', CHILD_SICKNESS_BENEFIT: 'Kinderkrankengeld', MATERNITY_BENEFIT: 'Mutterschaftsgeld' } as const;
const euro = (cents: number) => (cents / 100).toLocaleString('de-DE', { style: 'currency', currency: 'EUR' });

export async function applyCaseUpdate(input: CaseUpdate, now = new Date()): Promise<Applied> {
  const update = caseUpdateSchema.parse(input);
  const applied = await applyTo({ reference: update.reference }, update, now, () => []);
  if (!applied) throw new Error(`No case with reference ${update.reference}.`);
  return applied;
}

/**
 * The same update made by staff in the console: the case found by its id (null when there is none), and
 * the staff member's chain entry written in the change's own transaction.
 */
export function applyStaffCaseUpdate(caseId: string, update: StaffCaseUpdate, staffRecord: StaffRecord, now = new Date()): Promise<Applied | null> {
  return applyTo({ id: caseId }, update, now, staffRecord);
}

async function applyTo(where: { id: string } | { reference: string }, update: Change, now: Date, staffRecord: StaffRecord): Promise<Applied | null> {
  const found = await prisma.claimCase.findUnique({ where, include: { member: { select: { id: true, email: true, firstName: true, lastName: true } } } });
  if (!found) return null;
  const member = found.member;
  const name = typeName[found.type];
  const audit = auditEvent({ action: `claims.case.${update.kind}`, actor: { type: 'SYSTEM' }, subjectMemberId: member.id, details: { caseId: found.id } });

  switch (update.kind) {
    case 'status': {
      const decided = update.status !== 'IN_REVIEW';
      let letterId: string | undefined;
      if (decided) {
        const approved = update.status === 'APPROVED';
        ({ letterId } = await deliverLetter({
          memberId: member.id,
          subject: `Bescheid über Ihren Antrag auf ${name} (${found.reference})`,
          category: found.type === 'SICKNESS_BENEFIT' ? 'SICK_PAY' : 'BENEFITS',
          deliveredAt: now,
          pdf: (m) => ({
            recipient: { name: `${m.firstName} ${m.lastName}`, street: `${m.street} ${m.houseNumber}`, city: `${m.postalCode} ${m.city}` },
            kvnr: m.kvnr,
            date: now,
            subject: `Bescheid über Ihren Antrag auf ${name} (${found.reference})`,
            salutation: `Guten Tag ${m.firstName} ${m.lastName},`,
            paragraphs: [
              approved ? `wir haben Ihren Antrag auf ${name} geprüft und bewilligen ihn.` : `wir haben Ihren Antrag auf ${name} geprüft. Leider können wir ihn nicht bewilligen.`,
              ...(update.note ? [update.note] : []),
              approved ? 'Die Zahlung veranlassen wir auf das Konto, das Sie uns genannt haben. Sie sehen sie unter „Anträge verfolgen“.' : 'Rechtsbehelfsbelehrung: Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden, schriftlich oder zur Niederschrift bei der HEK – Hanseatische Krankenkasse, Wandsbeker Zollstraße 86–90, 22041 Hamburg.',
            ],
          }),
        }));
      }
      await prisma.$transaction([
        prisma.claimCase.update({
          where: { id: found.id },
          data: { status: update.status, ...(update.medicalService ? { medicalService: true } : {}), ...(decided ? { decidedAt: now, decisionLetterId: letterId } : {}) },
        }),
        ...(update.medicalService ? [prisma.claimEvent.create({ data: { caseId: found.id, kind: 'MEDICAL_SERVICE', occurredAt: now } })] : []),
        prisma.claimEvent.create({ data: { caseId: found.id, kind: update.status, occurredAt: now, note: update.note ?? null, letterId: letterId ?? null } }),
        audit,
        ...staffRecord(member.id),
        ...(decided ? [] : [queueEmail(caseNotice(member))]),
      ]);
      return { caseId: found.id, letterId };
    }
    case 'sick-note': {
      const start = parseCalendarDate(update.start)!;
      const end = parseCalendarDate(update.end)!;
      if (end < start) throw new Error('The sick note ends before it starts.');
      const receivedAt = update.receivedAt ? new Date(update.receivedAt) : now;
      await prisma.$transaction([
        prisma.sickNote.create({ data: { caseId: found.id, startDate: start, endDate: end, channel: update.channel, receivedAt } }),
        prisma.claimEvent.create({ data: { caseId: found.id, kind: 'SICK_NOTE_RECEIVED', occurredAt: receivedAt, note: `${germanDate(start)} – ${germanDate(end)}` } }),
        audit,
        ...staffRecord(member.id),
        queueEmail(caseNotice(member)),
      ]);
      return { caseId: found.id };
    }
    case 'payment': {
      const periodStart = parseCalendarDate(update.periodStart)!;
      const periodEnd = parseCalendarDate(update.periodEnd)!;
      if (periodEnd < periodStart) throw new Error('The payment period ends before it starts.');
      const days = inclusiveDays(periodStart, periodEnd);
      const daily = cappedDailyAmountCents(update.dailyAmountCents, periodStart.getUTCFullYear());
      await prisma.$transaction([
        prisma.benefitPayment.create({
          data: { caseId: found.id, periodStart, periodEnd, days, dailyAmountCents: daily, totalCents: daily * days, paidOn: parseCalendarDate(update.paidOn)!, ibanMasked: update.ibanMasked },
        }),
        prisma.claimCase.update({ where: { id: found.id }, data: { status: 'PAYMENT_INITIATED' } }),
        prisma.claimEvent.create({ data: { caseId: found.id, kind: 'PAYMENT_INITIATED', occurredAt: now, note: `${germanDate(periodStart)} – ${germanDate(periodEnd)}: ${days} × ${euro(daily)} = ${euro(daily * days)}` } }),
        audit,
        ...staffRecord(member.id),
        queueEmail(caseNotice(member)),
      ]);
      return { caseId: found.id };
    }
    case 'documents-requested': {
      const { letterId } = await deliverLetter({
        memberId: member.id,
        subject: `Bitte reichen Sie Unterlagen zu Ihrem Antrag ${found.reference} nach`,
        category: 'DOCUMENTS',
        deliveredAt: now,
        pdf: (m) => ({
          recipient: { name: `${m.firstName} ${m.lastName}`, street: `${m.street} ${m.houseNumber}`, city: `${m.postalCode} ${m.city}` },
          kvnr: m.kvnr,
          date: now,
          subject: `Bitte reichen Sie Unterlagen zu Ihrem Antrag ${found.reference} nach`,
          salutation: `Guten Tag ${m.firstName} ${m.lastName},`,
          paragraphs: [
            `für Ihren Antrag auf ${name} fehlt uns noch: ${update.documents.join('; ')}.`,
            'Am einfachsten laden Sie die Unterlagen im Service-Portal unter „Anträge verfolgen“ direkt in diesen Antrag hoch.',
          ],
        }),
      });
      await prisma.$transaction([
        prisma.claimCase.update({ where: { id: found.id }, data: { status: 'DOCUMENTS_MISSING', missingDocuments: update.documents } }),
        prisma.claimEvent.create({ data: { caseId: found.id, kind: 'DOCUMENTS_REQUESTED', occurredAt: now, note: update.documents.join('; ').slice(0, 500), letterId } }),
        audit,
        ...staffRecord(member.id),
      ]);
      return { caseId: found.id, letterId };
    }
  }
}

/** Like the letter notice: says only that there is news, nothing about the case or health. */
function caseNotice(member: { id: string; email: string; firstName: string; lastName: string }) {
  return {
    to: member.email,
    memberId: member.id,
    kind: 'claim_updated',
    subject: 'Neuigkeiten zu Ihrem Antrag bei der HEK',
    text: [
      `Guten Tag ${member.firstName} ${member.lastName},`,
      '',
      'zu einem Ihrer Anträge gibt es Neuigkeiten.',
      `Sie finden sie nach der Anmeldung im HEK Service-Portal unter ${env().APP_URL.replace(/\/$/, '')}/antraege.`,
      '',
      'Ihre HEK',
    ].join('\n'),
  };
}
