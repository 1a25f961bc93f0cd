// What the case page shows beyond the stored rows: the rules applied to a case's sick notes, payments
// and dates. Pure, so the page and the tests compute the same thing.
import { berlinDate } from '@/lib/insurance/calendar';
import { federalStateOfPostalCode, isFederalState, type FederalState } from '@/lib/holidays';
import { isLateArrival } from './rules/arrival-deadline';
import { decisionClock } from './rules/decision-deadline';
import { entitlementStatus } from './rules/entitlement-period';
import { sickNoteExpiryWarning } from './rules/expiry-warning';
import { maxDailyAmountCents } from './rules/daily-amount';
import { findSickNoteGaps } from './rules/sick-note-continuity';

type SickNoteRow = { id: string; startDate: Date; endDate: Date; channel: 'EAU' | 'UPLOAD' | 'POST'; receivedAt: Date };
type PaymentRow = { periodStart: Date; periodEnd: Date; dailyAmountCents: number; paidOn: Date };

/** The state whose holidays apply: the one stored on the case, else the member's address; Hamburg as the insurer's seat. */
export function stateOfCase(stored: string | null, postalCode: string): FederalState {
  if (stored && isFederalState(stored)) return stored;
  return federalStateOfPostalCode(postalCode) ?? 'HH';
}

export function sicknessTracking(input: { notes: SickNoteRow[]; payments: PaymentRow[]; state: FederalState; now: Date }) {
  const today = berlinDate(input.now);
  const periods = input.notes.map((n) => ({ start: n.startDate, end: n.endDate }));
  const notes = input.notes.map((n) => ({ ...n, late: isLateArrival({ start: n.startDate, channel: n.channel, receivedOn: berlinDate(n.receivedAt) }) }));
  const latestEnd = input.notes.reduce<Date | null>((max, n) => (!max || n.endDate > max ? n.endDate : max), null);
  return {
    notes,
    gaps: findSickNoteGaps(periods, input.state),
    entitlement: entitlementStatus(periods, today),
    expiryWarning: sickNoteExpiryWarning(latestEnd, today),
    latestEnd,
    // A payment above the year's maximum would be the insurer's error: flag it rather than hide it.
    paymentsOverMaximum: input.payments.filter((p) => p.dailyAmountCents > maxDailyAmountCents(p.periodStart.getUTCFullYear())).length,
  };
}

export function caseDecisionClock(c: { receivedAt: Date; medicalService: boolean; decidedAt: Date | null; status: string }, now: Date) {
  const decided = c.decidedAt !== null || ['APPROVED', 'DECLINED', 'PAYMENT_INITIATED'].includes(c.status);
  return decisionClock(berlinDate(c.receivedAt), c.medicalService, berlinDate(now), decided);
}
