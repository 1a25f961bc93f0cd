import 'server-only';
import { prisma } from '@/lib/db';
import type { MembershipType } from '@/lib/generated/prisma/client';
import { addDays } from './calendar';

export type PeriodEntry =
  | { type: 'period'; id: string; kind: MembershipType; startsOn: Date; endsOn: Date | null; payerName: string }
  | { type: 'gap'; startsOn: Date; endsOn: Date };

/**
 * The member's Versicherungszeiten, newest first, with an entry for every gap between two periods, so
 * that a time without insurance with the HEK is visible where it happened.
 */
export async function listInsurancePeriods(memberId: string): Promise<PeriodEntry[]> {
  const periods = await prisma.insurancePeriod.findMany({ where: { memberId }, orderBy: { startsOn: 'asc' } });
  return withGaps(periods.map((p) => ({ type: 'period' as const, id: p.id, kind: p.kind, startsOn: p.startsOn, endsOn: p.endsOn, payerName: p.payerName }))).reverse();
}

/** Inserts gaps between periods given oldest first; overlapping periods have no gap between them. */
export function withGaps(periods: Extract<PeriodEntry, { type: 'period' }>[]): PeriodEntry[] {
  const entries: PeriodEntry[] = [];
  // The last day covered so far: undefined before the first period, null once a period is open-ended.
  let coveredUntil: Date | null | undefined;
  for (const period of periods) {
    if (coveredUntil) {
      const gapStart = addDays(coveredUntil, 1);
      if (gapStart < period.startsOn) entries.push({ type: 'gap', startsOn: gapStart, endsOn: addDays(period.startsOn, -1) });
    }
    entries.push(period);
    if (coveredUntil === null) continue;
    if (period.endsOn === null) coveredUntil = null;
    else if (!coveredUntil || period.endsOn > coveredUntil) coveredUntil = period.endsOn;
  }
  return entries;
}

/** Periods that overlap [from, to]; to null means "until today and beyond". */
export async function periodsBetween(memberId: string, from: Date, to: Date | null) {
  return prisma.insurancePeriod.findMany({
    where: {
      memberId,
      OR: [{ endsOn: null }, { endsOn: { gte: from } }],
      ...(to ? { startsOn: { lte: to } } : {}),
    },
    orderBy: { startsOn: 'asc' },
  });
}

export type WageYear = {
  year: number;
  totalCents: number;
  reports: { id: string; employerName: string; periodFrom: Date; periodTo: Date; grossPayCents: number }[];
};

/** Entgeltmeldungen grouped by year, newest year first, each with its sum. */
export async function listWageYears(memberId: string): Promise<WageYear[]> {
  const reports = await prisma.wageReport.findMany({ where: { memberId }, orderBy: [{ year: 'desc' }, { periodFrom: 'asc' }] });
  const years = new Map<number, WageYear>();
  for (const r of reports) {
    const year = years.get(r.year) ?? { year: r.year, totalCents: 0, reports: [] };
    year.totalCents += r.grossPayCents;
    year.reports.push({ id: r.id, employerName: r.employerName, periodFrom: r.periodFrom, periodTo: r.periodTo, grossPayCents: r.grossPayCents });
    years.set(r.year, year);
  }
  return [...years.values()];
}
