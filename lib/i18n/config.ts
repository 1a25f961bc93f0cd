export const locales = ['de', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'de';
/** Cookie that remembers the member's language choice for a year. */
export const localeCookie = 'NEXT_LOCALE';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
/** Dates and times on pages are shown in the insurer's time zone, whatever the server's. */
export const portalTimeZone = 'Europe/Berlin';
