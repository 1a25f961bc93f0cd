// Reminder before the latest sick note runs out, so that the follow-up note is certified in time
// (§ 46 Satz 2 SGB V: at the latest on the next Werktag after the note's end; see sick-note-continuity).
import { daysBetween } from './days';

/** How many days ahead of the note's last day the portal warns. */
export const WARN_DAYS_BEFORE_END = 3;

/**
 * Days until the latest note ends (0 = ends today), when that is within the warning window; null when
 * there is no note, it ended already, or it runs longer.
 */
export function sickNoteExpiryWarning(latestEnd: Date | null, today: Date): { daysLeft: number } | null {
  if (!latestEnd) return null;
  const daysLeft = daysBetween(today, latestEnd);
  return daysLeft >= 0 && daysLeft <= WARN_DAYS_BEFORE_END ? { daysLeft } : null;
}
