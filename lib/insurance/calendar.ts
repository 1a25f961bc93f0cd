// Calendar dates of the insurer, which works in Europe/Berlin. A calendar date is held as a Date at
// UTC midnight, the way Prisma reads a @db.Date column, so adding days never meets a DST change.

export const INSURER_TIME_ZONE = 'Europe/Berlin';

const berlinParts = new Intl.DateTimeFormat('en-CA', { timeZone: INSURER_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Europe/Berlin calendar day of an instant, as a date at UTC midnight. */
export function berlinDate(instant: Date): Date {
  const parts = Object.fromEntries(berlinParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)));
}

/** The Europe/Berlin calendar year of an instant. */
export function berlinYear(instant: Date): number {
  return berlinDate(instant).getUTCFullYear();
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** A calendar date from "YYYY-MM-DD" (UTC midnight); null when it is not a real date. */
export function parseCalendarDate(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "dd.mm.yyyy", the form German documents use; calendar dates are formatted in UTC so no day shifts. */
export function germanDate(date: Date): string {
  return new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(date);
}
