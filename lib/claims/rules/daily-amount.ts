// Höchstbetrag (maximum) of the Krankengeld per calendar day.
// Source: § 47 Abs. 1 and Abs. 6 SGB V — 70 % of the regular pay, counted at most up to the
// Beitragsbemessungsgrenze (§ 223 Abs. 3 SGB V) divided by 360 days. The yearly BBG (GKV) comes from the
// Sozialversicherungs-Rechengrößenverordnung of each year; the table keeps the resulting maxima in cents.
//   2024: 62,100 € / 360 × 70 % = 120.75 €
//   2025: 66,150 € / 360 × 70 % = 128.625 € → 128.63 €
//   2026: 69,750 € / 360 × 70 % = 135.625 € → 135.63 €
export const MAX_DAILY_SICKNESS_BENEFIT_CENTS: Record<number, number> = {
  2024: 12_075,
  2025: 12_863,
  2026: 13_563,
};

/** The maximum for a year; a year not in the table yet uses the latest known one. */
export function maxDailyAmountCents(year: number): number {
  const years = Object.keys(MAX_DAILY_SICKNESS_BENEFIT_CENTS).map(Number).sort((a, b) => a - b);
  const known = years.filter((y) => y <= year).pop() ?? years[0]!;
  return MAX_DAILY_SICKNESS_BENEFIT_CENTS[known]!;
}

/** The daily amount actually paid: the computed one, never above the year's maximum. */
export function cappedDailyAmountCents(computedCents: number, year: number): number {
  return Math.min(Math.max(0, Math.round(computedCents)), maxDailyAmountCents(year));
}
