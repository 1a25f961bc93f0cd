// Kinderkrankengeld days per child and parent in a calendar year.
// Source: § 45 Abs. 2 and 2a SGB V. From 2024 on, and so in force for 2026 (§ 45 Abs. 2a): 15
// Arbeitstage per child and parent, 30 for a single parent, at most 35 (single parent: 70) across all
// children. 2020–2023 (Corona rules, § 45 Abs. 2a old
// version): 30 / 60, capped at 65 / 130. Before 2020 (§ 45 Abs. 2): 10 / 20, capped at 25 / 50.
// Days the parent stays in hospital with the child (Mitaufnahme, § 45 Abs. 1a) do not count.
import { isWorkingDay, type FederalState } from '@/lib/holidays';
import { addDays, type Period } from './days';

export type ChildSicknessLimits = { perChild: number; allChildren: number };

const limitsByYear: { from: number; parent: ChildSicknessLimits; single: ChildSicknessLimits }[] = [
  { from: 2024, parent: { perChild: 15, allChildren: 35 }, single: { perChild: 30, allChildren: 70 } },
  { from: 2020, parent: { perChild: 30, allChildren: 65 }, single: { perChild: 60, allChildren: 130 } },
  { from: 0, parent: { perChild: 10, allChildren: 25 }, single: { perChild: 20, allChildren: 50 } },
];

export function childSicknessLimits(year: number, singleParent: boolean): ChildSicknessLimits {
  const rule = limitsByYear.find((r) => year >= r.from)!;
  return singleParent ? rule.single : rule.parent;
}

/** One absence of this parent to care for a child, with the days in hospital with the child if any. */
export type ChildSicknessAbsence = { childId: string; period: Period; hospital?: Period };

/** Arbeitstage (Monday to Friday, not a public holiday) of the period in the year, without hospital days. */
export function countedDays(absence: ChildSicknessAbsence, year: number, state: FederalState): number {
  let days = 0;
  for (let d = absence.period.start; d <= absence.period.end; d = addDays(d, 1)) {
    if (d.getUTCFullYear() !== year || !isWorkingDay(d, state)) continue;
    if (absence.hospital && d >= absence.hospital.start && d <= absence.hospital.end) continue;
    days += 1;
  }
  return days;
}

export type ChildDays = { childId: string; used: number; left: number };

export type ChildSicknessAccount = {
  limits: ChildSicknessLimits;
  children: ChildDays[];
  totalUsed: number;
  totalLeft: number;
};

/**
 * This parent's days in `year`: per child what is used and what is left, where "left" is also bounded
 * by what is left across all children. The other parent's days are their own account.
 */
export function childSicknessAccount(input: {
  year: number;
  singleParent: boolean;
  state: FederalState;
  childIds: string[];
  absences: ChildSicknessAbsence[];
}): ChildSicknessAccount {
  const limits = childSicknessLimits(input.year, input.singleParent);
  const usedByChild = new Map(input.childIds.map((id) => [id, 0]));
  for (const absence of input.absences) {
    usedByChild.set(absence.childId, (usedByChild.get(absence.childId) ?? 0) + countedDays(absence, input.year, input.state));
  }
  const totalUsed = Math.min([...usedByChild.values()].reduce((a, b) => a + b, 0), limits.allChildren);
  const totalLeft = limits.allChildren - totalUsed;
  const children = [...usedByChild].map(([childId, raw]) => {
    const used = Math.min(raw, limits.perChild);
    return { childId, used, left: Math.min(limits.perChild - used, totalLeft) };
  });
  return { limits, children, totalUsed, totalLeft };
}
