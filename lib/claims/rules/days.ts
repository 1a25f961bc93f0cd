// Calendar-day helpers for the rules. A calendar date is a Date at UTC midnight (lib/insurance/calendar),
// so whole days are exact multiples of 86,400,000 ms and no DST change shifts a day. (date-fns works in
// the server's local time zone, which would move such dates across a DST change.)
import { addDays } from '@/lib/insurance/calendar';

export { addDays };

const DAY = 86_400_000;

/** Days from a to b (b − a): 0 for the same day, 1 for the next. */
export function daysBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / DAY);
}

/** Days from start to end, both counted (a period 1.–3. is 3 days). */
export function inclusiveDays(start: Date, end: Date): number {
  return daysBetween(start, end) + 1;
}

/** The same calendar day some years later (29 February becomes 28 February). */
export function addYears(date: Date, years: number): Date {
  const y = date.getUTCFullYear() + years;
  const m = date.getUTCMonth();
  const lastOfMonth = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(date.getUTCDate(), lastOfMonth)));
}

export type Period = { start: Date; end: Date };
