import { addDays, isoDate, parseCalendarDate } from '@/lib/insurance/calendar';
import { withGaps } from '@/lib/insurance/queries';
import type { MembershipType } from '@/lib/generated/prisma/enums';

/**
 * One row of what a certificate certifies: a covered period (kind and payer, as on the PDF) or a gap
 * without insurance with the HEK. Dates are ISO calendar days; `to` null means ongoing. Stored as JSON
 * on the certificate at issue (Certificate.coverage), so the PDF and the public verification show the
 * same thing, whatever happens to the member's periods later.
 */
export type CoverageEntry = { from: string; to: string | null; gap: false; kind: MembershipType; payerName: string } | { from: string; to: string; gap: true };

type Period = { id: string; kind: MembershipType; payerName: string; startsOn: Date; endsOn: Date | null };

/** The member's periods within [from, to], clipped to it, with every gap, including one at either end. */
export function coverageWithin(periods: Period[], from: Date, to: Date | null): CoverageEntry[] {
  const inSpan = periods
    .filter((p) => (to === null || p.startsOn <= to) && (p.endsOn === null || p.endsOn >= from))
    .map((p) => ({
      type: 'period' as const,
      id: p.id,
      kind: p.kind,
      payerName: p.payerName,
      startsOn: p.startsOn < from ? from : p.startsOn,
      endsOn: to && (p.endsOn === null || p.endsOn > to) ? to : p.endsOn,
    }));
  const entries: CoverageEntry[] = withGaps(inSpan).map((entry) =>
    entry.type === 'gap'
      ? { from: isoDate(entry.startsOn), to: isoDate(entry.endsOn), gap: true }
      : { from: isoDate(entry.startsOn), to: entry.endsOn ? isoDate(entry.endsOn) : null, gap: false, kind: entry.kind, payerName: entry.payerName },
  );
  const first = inSpan[0];
  if (!first) return to ? [{ from: isoDate(from), to: isoDate(to), gap: true }] : [];
  if (first.startsOn > from) entries.unshift({ from: isoDate(from), to: isoDate(addDays(first.startsOn, -1)), gap: true });
  const lastCovered = inSpan.reduce<Date | null>((last, p) => (last === null || p.endsOn === null ? null : p.endsOn > last ? p.endsOn : last), first.endsOn);
  if (to && lastCovered && lastCovered < to) entries.push({ from: isoDate(addDays(lastCovered, 1)), to: isoDate(to), gap: true });
  return entries;
}

/** Coverage as stored (JSON), read back; null for certificates issued before it was kept. */
export function readCoverage(value: unknown): CoverageEntry[] | null {
  if (!Array.isArray(value)) return null;
  return value.filter((e): e is CoverageEntry => typeof e === 'object' && e !== null && typeof e.from === 'string' && parseCalendarDate(e.from) !== null);
}
