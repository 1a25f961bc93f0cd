// Höchstanspruchsdauer (maximum duration) of Krankengeld.
// Source: § 48 Abs. 1 Satz 1 SGB V — Krankengeld "wegen derselben Krankheit jedoch für längstens
// achtundsiebzig Wochen innerhalb von je drei Jahren, gerechnet vom Tage des Beginns der
// Arbeitsunfähigkeit an" (Blockfrist). 78 weeks are 546 calendar days; days of continued pay by the
// employer (Entgeltfortzahlung) count towards them, as the entitlement exists but rests (§ 49).
import { addDays, addYears, daysBetween, type Period } from './days';

export const MAX_ENTITLEMENT_DAYS = 78 * 7;

export type EntitlementStatus = {
  /** First and last day of the three-year block that the first note opens. */
  block: Period;
  /** Calendar days of incapacity in the block up to and including `asOf`, each day counted once. */
  used: number;
  left: number;
  /**
   * The last day of Krankengeld if the incapacity goes on without a break from `asOf` on; null when
   * nothing is left. Never later than the block's last day.
   */
  forecastLastDay: Date | null;
};

/**
 * Counts the days of one illness's sick notes in its three-year block: overlapping notes count once, days
 * after `asOf` not yet, days after the block not at all (they open a new block).
 */
export function entitlementStatus(notes: Period[], asOf: Date): EntitlementStatus | null {
  if (notes.length === 0) return null;
  const sorted = [...notes].sort((a, b) => a.start.getTime() - b.start.getTime());
  const blockStart = sorted[0]!.start;
  const blockEnd = addDays(addYears(blockStart, 3), -1);
  const until = asOf < blockEnd ? asOf : blockEnd;

  let used = 0;
  let countedUntil = addDays(blockStart, -1);
  for (const note of sorted) {
    const start = note.start > countedUntil ? note.start : addDays(countedUntil, 1);
    const end = note.end < until ? note.end : until;
    if (end >= start) {
      used += daysBetween(start, end) + 1;
      countedUntil = end;
    }
  }
  used = Math.min(used, MAX_ENTITLEMENT_DAYS);
  const left = MAX_ENTITLEMENT_DAYS - used;
  let forecastLastDay: Date | null = null;
  if (left > 0) {
    // From the day after asOf (or the block's start, if it lies ahead) every day counts.
    const from = asOf < blockStart ? addDays(blockStart, -1) : asOf;
    const last = addDays(from, left);
    forecastLastDay = last < blockEnd ? last : blockEnd;
  }
  return { block: { start: blockStart, end: blockEnd }, used, left, forecastLastDay };
}
