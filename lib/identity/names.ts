/**
 * Names are compared the way a clerk would: case, surrounding spaces, repeated spaces and Unicode
 * composition do not matter, and the German transliteration does not either, as on passports
 * (ICAO 9303): ä = ae, ö = oe, ü = ue, ß = ss, so "Guenter" is "Günter" and "Strasse" is "Straße".
 * Every other letter matters: "Gunter" is not "Günter", "Yilmaz" is not "Yılmaz".
 */
export function normaliseName(value: string): string {
  return value
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, ' ')
    .toLocaleLowerCase('de-DE')
    .replace(/ß/g, 'ss')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue');
}

export function sameName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}

/** Calendar dates are stored at UTC midnight; compare them as YYYY-MM-DD. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Full years of age on a day (both dates at UTC midnight, as stored). */
export function ageOn(birthDate: Date, day: Date): number {
  const years = day.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday = day.getUTCMonth() < birthDate.getUTCMonth() || (day.getUTCMonth() === birthDate.getUTCMonth() && day.getUTCDate() < birthDate.getUTCDate());
  return beforeBirthday ? years - 1 : years;
}
