// Meldefrist (reporting deadline) for sick notes the member sends in.
// Source: § 49 Abs. 1 Nr. 5 SGB V — Krankengeld "ruht, solange die Arbeitsunfähigkeit der Krankenkasse
// nicht gemeldet wird; dies gilt nicht, wenn die Meldung innerhalb einer Woche nach Beginn der
// Arbeitsunfähigkeit erfolgt". Since 2021 the practice transmits the eAU itself (§ 295 Abs. 1 SGB V), and
// the member's duty ends for it (§ 49 Abs. 1 Nr. 5 Halbsatz 2); paper notes (for example from abroad
// or from a practice without eAU) still have to arrive within the week.
import { addDays } from './days';

export type SickNoteChannelName = 'EAU' | 'UPLOAD' | 'POST';

/** The last day on which a note of this period must have arrived: one week after the incapacity began. */
export function arrivalDeadline(start: Date): Date {
  return addDays(start, 7);
}

/**
 * Whether a note arrived too late. `receivedOn` is the calendar day it arrived (Europe/Berlin). An eAU
 * is never late: the practice sends it, not the member.
 */
export function isLateArrival(note: { start: Date; channel: SickNoteChannelName; receivedOn: Date }): boolean {
  if (note.channel === 'EAU') return false;
  return note.receivedOn > arrivalDeadline(note.start);
}
