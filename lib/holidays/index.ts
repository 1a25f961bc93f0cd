import { getHolidays } from 'feiertagejs';
import { isoDate } from '@/lib/insurance/calendar';

// Public holidays of the German federal states, from the maintained package feiertagejs (MIT), never a
// hand-made list. Calendar dates are Dates at UTC midnight (see lib/insurance/calendar.ts); they go to
// the package as "YYYY-MM-DD", which it reads as a plain German calendar date in any server time zone.

export const federalStates = ['BW', 'BY', 'BE', 'BB', 'HB', 'HE', 'HH', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'] as const;
export type FederalState = (typeof federalStates)[number];

export function isFederalState(value: string): value is FederalState {
  return (federalStates as readonly string[]).includes(value);
}

const byYear = new Map<string, Set<string>>();

export function isPublicHoliday(date: Date, state: FederalState): boolean {
  const key = `${date.getUTCFullYear()}-${state}`;
  let days = byYear.get(key);
  if (!days) {
    days = new Set(getHolidays(date.getUTCFullYear(), state).map((h) => h.dateString));
    byYear.set(key, days);
  }
  return days.has(isoDate(date));
}

/**
 * A Werktag in the sense of § 46 Satz 2 SGB V: Monday to Friday ("Samstage gelten insoweit nicht als
 * Werktage"), and not a public holiday in the state.
 */
export function isWorkingDay(date: Date, state: FederalState): boolean {
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isPublicHoliday(date, state);
}

/**
 * The federal state of a German postal code, by the first two digits (Leitregion). Leitregionen follow
 * the post's routing, not state borders, so a few places near a border come out as the neighbouring
 * state: it is the default until the member's state is stored on the case.
 */
export function federalStateOfPostalCode(postalCode: string): FederalState | null {
  if (!/^\d{5}$/.test(postalCode)) return null;
  const region = Number(postalCode.slice(0, 2));
  for (const [from, to, state] of leitregionen) if (region >= from && region <= to) return state;
  return null;
}

const leitregionen: [number, number, FederalState][] = [
  [1, 2, 'SN'], [3, 3, 'BB'], [4, 4, 'SN'], [6, 6, 'ST'], [7, 7, 'TH'], [8, 9, 'SN'], [10, 14, 'BE'], [15, 16, 'BB'], [17, 19, 'MV'], [20, 22, 'HH'], [23, 25, 'SH'], [26, 27, 'NI'],
  [28, 28, 'HB'], [29, 31, 'NI'], [32, 33, 'NW'], [34, 36, 'HE'], [37, 38, 'NI'], [39, 39, 'ST'], [40, 53, 'NW'],
  [54, 56, 'RP'], [57, 59, 'NW'], [60, 65, 'HE'], [66, 66, 'SL'], [67, 67, 'RP'], [68, 79, 'BW'], [80, 87, 'BY'],
  [88, 89, 'BW'], [90, 97, 'BY'], [98, 99, 'TH'],
];
