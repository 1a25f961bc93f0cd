import 'server-only';
import { prisma } from '@/lib/db';
import { berlinYear } from '@/lib/insurance/calendar';
import { isUuid } from '@/lib/mailbox/ids';
import { childSicknessAccount } from './rules/child-sickness-days';
import { claimTypeOf, type ApplicationKind } from './schema';
import { caseDecisionClock, sicknessTracking, stateOfCase } from './tracking';

/** The member's cases, newest first, with what the list shows. */
export async function listCases(memberId: string, now = new Date()) {
  const cases = await prisma.claimCase.findMany({
    where: { memberId },
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    select: { id: true, type: true, status: true, reference: true, receivedAt: true, medicalService: true, decidedAt: true, childName: true, title: true, missingDocuments: true },
  });
  return cases.map((c) => ({ ...c, clock: caseDecisionClock(c, now) }));
}

/** One of the member's cases with its timeline, notes and payments; null when it is not theirs. */
export async function getCase(memberId: string, caseId: string, now = new Date()) {
  if (!isUuid(caseId)) return null;
  const found = await prisma.claimCase.findFirst({
    where: { id: caseId, memberId },
    include: {
      events: { orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] },
      sickNotes: { orderBy: [{ startDate: 'asc' }, { id: 'asc' }] },
      payments: { orderBy: [{ paidOn: 'asc' }, { id: 'asc' }] },
      member: { select: { postalCode: true } },
    },
  });
  if (!found) return null;
  const state = stateOfCase(found.federalState, found.member.postalCode);
  const tracking = found.type === 'SICKNESS_BENEFIT' ? sicknessTracking({ notes: found.sickNotes, payments: found.payments, state, now }) : null;
  // The member's own letters for this case (documents sent), for the file list.
  const letterIds = found.events.map((e) => e.letterId).filter((id): id is string => id !== null);
  const sent = letterIds.length
    ? await prisma.letter.findMany({
        where: { id: { in: letterIds }, memberId, folder: 'SENT' },
        select: { id: true, deliveredAt: true, attachments: { orderBy: { position: 'asc' }, select: { id: true, fileName: true, file: { select: { size: true, sha256: true } } } } },
      })
    : [];
  return { ...found, state, tracking, clock: caseDecisionClock(found, now), sentDocuments: sent };
}
export type CaseDetail = NonNullable<Awaited<ReturnType<typeof getCase>>>;

/** The member's children who are family insured through them (the choice in the Kinderkrankengeld form). */
export function childrenOf(memberId: string) {
  return prisma.member.findMany({ where: { familyHeadId: memberId }, orderBy: { birthDate: 'asc' }, select: { id: true, firstName: true, lastName: true, birthDate: true } });
}

/** Kinderkrankengeld days of this parent in a year, per child: from the cases not declined. */
export async function childSicknessDays(memberId: string, year = berlinYear(new Date())) {
  const [children, cases, member] = await Promise.all([
    childrenOf(memberId),
    prisma.claimCase.findMany({
      where: { memberId, type: 'CHILD_SICKNESS_BENEFIT', status: { not: 'DECLINED' }, periodStart: { lte: new Date(Date.UTC(year, 11, 31)) }, periodEnd: { gte: new Date(Date.UTC(year, 0, 1)) } },
      select: { childId: true, periodStart: true, periodEnd: true, hospitalStart: true, hospitalEnd: true, singleParent: true, federalState: true },
    }),
    prisma.member.findUniqueOrThrow({ where: { id: memberId }, select: { postalCode: true } }),
  ]);
  const singleParent = cases.some((c) => c.singleParent);
  const state = stateOfCase(cases.find((c) => c.federalState)?.federalState ?? null, member.postalCode);
  const account = childSicknessAccount({
    year,
    singleParent,
    state,
    childIds: children.map((c) => c.id),
    absences: cases
      .filter((c) => c.childId && c.periodStart && c.periodEnd)
      .map((c) => ({
        childId: c.childId!,
        period: { start: c.periodStart!, end: c.periodEnd! },
        hospital: c.hospitalStart && c.hospitalEnd ? { start: c.hospitalStart, end: c.hospitalEnd } : undefined,
      })),
  });
  return { year, singleParent, account, children };
}

/** The member's draft of an application, or null. */
export function getDraft(memberId: string, kind: ApplicationKind) {
  return prisma.claimDraft.findUnique({ where: { memberId_type: { memberId, type: claimTypeOf[kind] } } });
}

export function listDrafts(memberId: string) {
  return prisma.claimDraft.findMany({ where: { memberId }, orderBy: { updatedAt: 'desc' }, select: { id: true, type: true, step: true, updatedAt: true } });
}

