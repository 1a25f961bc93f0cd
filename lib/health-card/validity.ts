import { addDays, berlinDate, berlinYear } from '@/lib/insurance/calendar';

/** A digitale Gesundheitskarte (Ersatzbescheinigung) is valid for 14 days counted from the day of the request. */
export const HEALTH_CARD_VALID_DAYS = 14;

/** At most four replacement certificates per member and calendar year (Europe/Berlin). */
export const HEALTH_CARDS_PER_YEAR = 4;

export type HealthCardValidity = {
  /** The Europe/Berlin calendar day of the request: the first valid day. */
  validFrom: Date;
  /** The last valid day, inclusive: the request day plus 13, so 14 calendar days in all. */
  validUntil: Date;
  /** The calendar year whose allowance of four the request uses. */
  year: number;
};

/**
 * The one place that decides the validity of a replacement certificate. Days are Europe/Berlin calendar
 * days: a request at 00:30 on 1 March in Berlin (23:30 UTC the day before) counts from 1 March.
 */
export function healthCardValidity(requestedAt: Date): HealthCardValidity {
  const validFrom = berlinDate(requestedAt);
  return { validFrom, validUntil: addDays(validFrom, HEALTH_CARD_VALID_DAYS - 1), year: berlinYear(requestedAt) };
}

/** Whether the card may be shown as valid at `now` (its last day counts in full). */
export function isValidOn(card: { validFrom: Date; validUntil: Date }, now: Date): boolean {
  const today = berlinDate(now);
  return card.validFrom <= today && today <= card.validUntil;
}
