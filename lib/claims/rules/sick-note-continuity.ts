// Lückenlose Arbeitsunfähigkeit (continuous incapacity for work) for Krankengeld.
// Source: § 46 Satz 2 SGB V — the entitlement continues when a further incapacity for the same illness is
// certified "spätestens am nächsten Werktag nach dem zunächst bescheinigten Ende der
// Arbeitsunfähigkeit"; "Samstage gelten insoweit nicht als Werktage". Public holidays are those of the
// member's federal state (lib/holidays).
import { isWorkingDay, type FederalState } from '@/lib/holidays';
import { addDays, daysBetween, type Period } from './days';

/** The first Werktag after a day: Saturdays, Sundays and the state's public holidays are skipped. */
export function nextWorkingDay(day: Date, state: FederalState): Date {
  let next = addDays(day, 1);
  while (!isWorkingDay(next, state)) next = addDays(next, 1);
  return next;
}

/** A break in the chain of sick notes: the days no note covers, and the day the next note had to cover. */
export type SickNoteGap = {
  /** The previous note's last day. */
  previousEnd: Date;
  /** The latest day on which the follow-up had to start (the next Werktag). */
  latestFollowUpStart: Date;
  /** The day the follow-up actually starts. */
  followUpStart: Date;
  /** The first and last day not covered by any note (may be a weekend only when a Werktag follows). */
  uncovered: Period;
};

/**
 * Finds every break in a chain of sick notes (Arbeitsunfähigkeitsbescheinigungen) of one case.
 * Overlapping and adjacent notes are continuous; a follow-up that starts on the next Werktag after the
 * covered span ends is continuous too (a note until Friday, the next from Monday). Anything later is a
 * gap, which can end the Krankengeld entitlement.
 */
export function findSickNoteGaps(notes: Period[], state: FederalState): SickNoteGap[] {
  const sorted = [...notes].sort((a, b) => a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime());
  const gaps: SickNoteGap[] = [];
  let coveredUntil: Date | null = null;
  for (const note of sorted) {
    if (coveredUntil && note.start > coveredUntil) {
      const latest = nextWorkingDay(coveredUntil, state);
      if (note.start > latest) {
        gaps.push({
          previousEnd: coveredUntil,
          latestFollowUpStart: latest,
          followUpStart: note.start,
          uncovered: { start: addDays(coveredUntil, 1), end: addDays(note.start, -1) },
        });
      }
    }
    if (!coveredUntil || note.end > coveredUntil) coveredUntil = note.end;
  }
  return gaps;
}

/** Days between two notes that no note covers, for display (0 when they touch or overlap). */
export function uncoveredDays(gap: SickNoteGap): number {
  return daysBetween(gap.uncovered.start, gap.uncovered.end) + 1;
}
