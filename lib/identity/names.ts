/**
 * Names are compared the way a clerk would: case, surrounding spaces, repeated spaces and Unicode
 * composition do not matter, and ß equals SS (upper case has no ß; documents print SS); other letters,
 * diacritics such as ü or ı included, do matter.
 */
export function normaliseName(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de-DE').replace(/ß/g, 'ss');
}

export function sameName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}

/** Calendar dates are stored at UTC midnight; compare them as YYYY-MM-DD. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
