// Entscheidungsfrist (decision deadline) on an application.
// Source: § 13 Abs. 3a Satz 1 SGB V — the Krankenkasse decides "zügig, spätestens bis zum Ablauf von
// drei Wochen nach Antragseingang oder in Fällen, in denen eine gutachtliche Stellungnahme, insbesondere
// des Medizinischen Dienstes, eingeholt wird, innerhalb von fünf Wochen nach Antragseingang". The period
// starts the day after receipt (§ 26 SGB X with § 187 Abs. 1 BGB) and ends on the same weekday three
// (five) weeks later (§ 188 Abs. 2 BGB).
import { addDays } from './days';

export const DECISION_WEEKS = 3;
export const DECISION_WEEKS_WITH_MEDICAL_SERVICE = 5;

export type DecisionClock = { deadline: Date; weeks: number; passed: boolean };

/** `receivedOn` and `today` are calendar days (Europe/Berlin); a decided application has no open clock. */
export function decisionClock(receivedOn: Date, medicalService: boolean, today: Date, decided: boolean): DecisionClock {
  const weeks = medicalService ? DECISION_WEEKS_WITH_MEDICAL_SERVICE : DECISION_WEEKS;
  const deadline = addDays(receivedOn, weeks * 7);
  return { deadline, weeks, passed: !decided && today > deadline };
}
