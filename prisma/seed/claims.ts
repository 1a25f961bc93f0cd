import type { PrismaClient } from '@/lib/generated/prisma/client';
import { applyCaseUpdate, type CaseUpdate } from '@/lib/claims/updates';
import { addDays, berlinDate, isoDate } from '@/lib/insurance/calendar';

// Claims for the demo members, in every state, built the way the insurer's systems build them: the
// case is received, then updates arrive through applyCaseUpdate() (sick notes, payments, requests,
// decisions with their letters). Dates are relative to the day of seeding, so the warnings show.
// Idempotent: a case whose Aktenzeichen exists is left alone.

const today = () => berlinDate(new Date());
const day = (offset: number) => isoDate(addDays(today(), offset));
const at = (offset: number, hour = 9) => new Date(addDays(today(), offset).getTime() + hour * 3_600_000);
/** The offset of the Monday on or before the day at `offset`. */
const monday = (offset: number) => offset - ((addDays(today(), offset).getUTCDay() + 6) % 7);
/** An update without its case reference (Omit on each member of the union). */
type Update = CaseUpdate extends infer U ? (U extends unknown ? Omit<U, 'reference'> : never) : never;

const IBAN = 'DE89 **** **** **** **30 00';

type DemoCase = {
  kvnr: string;
  reference: string;
  type: 'SICKNESS_BENEFIT' | 'CHILD_SICKNESS_BENEFIT' | 'MATERNITY_BENEFIT';
  receivedDaysAgo: number;
  federalState: string;
  extra?: Record<string, unknown>;
  childKvnr?: string;
  updates: { daysAgo: number; update: Update }[];
};

function demoCases(): DemoCase[] {
  const kkgWeek = monday(-60);
  const lastWeek = monday(-7);
  return [
    {
      // Open Krankengeld with a gap, a late paper note, two payments and a note that runs out in two days.
      kvnr: 'S100000013', reference: 'KG-DEMO-0001', type: 'SICKNESS_BENEFIT', receivedDaysAgo: 58, federalState: 'BE', extra: { title: 'Arbeitsunfähigkeit seit ' + day(-60) },
      updates: [
        { daysAgo: 58, update: { kind: 'sick-note', start: day(-60), end: day(-47), channel: 'EAU', receivedAt: at(-59).toISOString() } },
        { daysAgo: 45, update: { kind: 'sick-note', start: day(-46), end: day(-33), channel: 'EAU', receivedAt: at(-45).toISOString() } },
        { daysAgo: 30, update: { kind: 'payment', periodStart: day(-60), periodEnd: day(-47), dailyAmountCents: 9_850, paidOn: day(-30), ibanMasked: IBAN } },
        { daysAgo: 16, update: { kind: 'payment', periodStart: day(-46), periodEnd: day(-33), dailyAmountCents: 9_850, paidOn: day(-16), ibanMasked: IBAN } },
        { daysAgo: 18, update: { kind: 'sick-note', start: day(-27), end: day(2), channel: 'UPLOAD', receivedAt: at(-18).toISOString() } },
      ],
    },
    {
      kvnr: 'S100000013', reference: 'MSG-DEMO-0002', type: 'MATERNITY_BENEFIT', receivedDaysAgo: 2, federalState: 'BE', extra: { expectedBirthDate: addDays(today(), 60), employment: 'EMPLOYED' },
      updates: [],
    },
    {
      kvnr: 'S100000013', reference: 'KG-DEMO-0007', type: 'SICKNESS_BENEFIT', receivedDaysAgo: 400, federalState: 'BE', extra: { title: 'Arbeitsunfähigkeit seit ' + day(-402) },
      updates: [
        { daysAgo: 399, update: { kind: 'sick-note', start: day(-402), end: day(-396), channel: 'EAU', receivedAt: at(-399).toISOString() } },
        { daysAgo: 385, update: { kind: 'status', status: 'DECLINED', note: 'Die Arbeitsunfähigkeit endete innerhalb der Entgeltfortzahlung durch Ihren Arbeitgeber; ein Anspruch auf Krankengeld ist nicht entstanden.' } },
      ],
    },
    {
      // Close to the 78 weeks: 531 of 546 days used today.
      kvnr: 'Y300000032', reference: 'KG-DEMO-0003', type: 'SICKNESS_BENEFIT', receivedDaysAgo: 528, federalState: 'NW', extra: { title: 'Arbeitsunfähigkeit seit ' + day(-530) },
      updates: [
        { daysAgo: 528, update: { kind: 'sick-note', start: day(-530), end: day(-300), channel: 'EAU', receivedAt: at(-528).toISOString() } },
        { daysAgo: 301, update: { kind: 'sick-note', start: day(-299), end: day(-60), channel: 'EAU', receivedAt: at(-301).toISOString() } },
        { daysAgo: 61, update: { kind: 'sick-note', start: day(-59), end: day(10), channel: 'EAU', receivedAt: at(-61).toISOString() } },
        { daysAgo: 30, update: { kind: 'payment', periodStart: day(-60), periodEnd: day(-31), dailyAmountCents: 14_210, paidOn: day(-30), ibanMasked: 'DE12 **** **** **** **45 67' } },
        { daysAgo: 1, update: { kind: 'payment', periodStart: day(-30), periodEnd: day(-1), dailyAmountCents: 14_210, paidOn: day(-1), ibanMasked: 'DE12 **** **** **** **45 67' } },
      ],
    },
    {
      kvnr: 'F400000045', reference: 'KKG-DEMO-0004', type: 'CHILD_SICKNESS_BENEFIT', receivedDaysAgo: -kkgWeek - 5, federalState: 'SN', childKvnr: 'F400000058',
      extra: { periodStart: addDays(today(), kkgWeek), periodEnd: addDays(today(), kkgWeek + 4) },
      updates: [
        { daysAgo: -kkgWeek - 12, update: { kind: 'status', status: 'APPROVED' } },
        { daysAgo: -kkgWeek - 14, update: { kind: 'payment', periodStart: day(kkgWeek), periodEnd: day(kkgWeek + 4), dailyAmountCents: 8_120, paidOn: day(kkgWeek + 14), ibanMasked: 'DE44 **** **** **** **12 09' } },
      ],
    },
    {
      kvnr: 'F400000045', reference: 'KKG-DEMO-0005', type: 'CHILD_SICKNESS_BENEFIT', receivedDaysAgo: 4, federalState: 'SN', childKvnr: 'F400000058',
      extra: { periodStart: addDays(today(), lastWeek), periodEnd: addDays(today(), lastWeek + 2) },
      updates: [{ daysAgo: 2, update: { kind: 'documents-requested', documents: ['Ärztliche Bescheinigung über die Erkrankung des Kindes (mit Unterschrift der Praxis)'] } }],
    },
    {
      // In review with the Medizinischer Dienst, and past the five weeks.
      kvnr: 'F400000045', reference: 'MSG-DEMO-0006', type: 'MATERNITY_BENEFIT', receivedDaysAgo: 40, federalState: 'SN', extra: { expectedBirthDate: addDays(today(), 20), employment: 'EMPLOYED' },
      updates: [{ daysAgo: 30, update: { kind: 'status', status: 'IN_REVIEW', medicalService: true } }],
    },
  ];
}

export async function seedClaims(prisma: PrismaClient): Promise<void> {
  for (const c of demoCases()) {
    if (await prisma.claimCase.findUnique({ where: { reference: c.reference }, select: { id: true } })) continue;
    const member = await prisma.member.findUnique({ where: { kvnr: c.kvnr }, select: { id: true } });
    if (!member) continue;
    const child = c.childKvnr ? await prisma.member.findUnique({ where: { kvnr: c.childKvnr }, select: { id: true, firstName: true, lastName: true } }) : null;
    const receivedAt = at(-c.receivedDaysAgo, 10);
    await prisma.claimCase.create({
      data: {
        memberId: member.id,
        type: c.type,
        reference: c.reference,
        receivedAt,
        federalState: c.federalState,
        ...(child ? { childId: child.id, childName: `${child.firstName} ${child.lastName}` } : {}),
        ...c.extra,
        events: { create: [{ kind: 'RECEIVED', occurredAt: receivedAt }] },
      },
    });
    for (const u of [...c.updates].sort((a, b) => b.daysAgo - a.daysAgo)) {
      await applyCaseUpdate({ ...u.update, reference: c.reference } as CaseUpdate, at(-u.daysAgo, 11));
    }
  }
}
