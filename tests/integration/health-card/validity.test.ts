import { describe, expect, it } from 'vitest';
import { healthCardValidity, isValidOn } from '@/lib/health-card/validity';

// Explicit instants, written in UTC, with the Berlin wall-clock time they stand for.
const iso = (d: Date) => d.toISOString().slice(0, 10);

describe('validity of the digitale Gesundheitskarte: 14 Berlin calendar days from the request day', () => {
  it('runs across a month end', () => {
    // 2026-01-25 10:00 in Berlin (CET).
    const v = healthCardValidity(new Date('2026-01-25T09:00:00Z'));
    expect(iso(v.validFrom)).toBe('2026-01-25');
    expect(iso(v.validUntil)).toBe('2026-02-07');
    expect(v.year).toBe(2026);
  });

  it('runs across February in a leap year', () => {
    const v = healthCardValidity(new Date('2028-02-20T12:00:00Z'));
    expect(iso(v.validUntil)).toBe('2028-03-04');
  });

  it('runs across a year end and counts for the year of the request', () => {
    // 2026-12-24 18:00 in Berlin.
    const v = healthCardValidity(new Date('2026-12-24T17:00:00Z'));
    expect(iso(v.validFrom)).toBe('2026-12-24');
    expect(iso(v.validUntil)).toBe('2027-01-06');
    expect(v.year).toBe(2026);
  });

  it('takes the Berlin day, not the UTC day, around midnight on New Year', () => {
    // 2026-12-31 23:30 UTC is already 2027-01-01 00:30 in Berlin: a 2027 request.
    const v = healthCardValidity(new Date('2026-12-31T23:30:00Z'));
    expect(iso(v.validFrom)).toBe('2027-01-01');
    expect(iso(v.validUntil)).toBe('2027-01-14');
    expect(v.year).toBe(2027);
  });

  it('keeps 14 calendar days across the change to summer time', () => {
    // Summer time begins on 2026-03-29 (02:00 → 03:00). Request on 2026-03-20 at 23:30 Berlin (CET).
    const v = healthCardValidity(new Date('2026-03-20T22:30:00Z'));
    expect(iso(v.validFrom)).toBe('2026-03-20');
    expect(iso(v.validUntil)).toBe('2026-04-02');
    // 2026-04-02 23:59 Berlin (CEST, UTC+2) is still valid; 2026-04-03 00:01 Berlin is not.
    expect(isValidOn(v, new Date('2026-04-02T21:59:00Z'))).toBe(true);
    expect(isValidOn(v, new Date('2026-04-02T22:01:00Z'))).toBe(false);
  });

  it('keeps 14 calendar days across the change back to winter time', () => {
    // Winter time begins on 2026-10-25 (03:00 → 02:00). Request on 2026-10-24 at 00:15 Berlin (CEST).
    const v = healthCardValidity(new Date('2026-10-23T22:15:00Z'));
    expect(iso(v.validFrom)).toBe('2026-10-24');
    expect(iso(v.validUntil)).toBe('2026-11-06');
    expect(isValidOn(v, new Date('2026-11-06T22:59:00Z'))).toBe(true);
    expect(isValidOn(v, new Date('2026-11-06T23:00:00Z'))).toBe(false);
  });

  it('is valid from the first moment of the request day', () => {
    const v = healthCardValidity(new Date('2026-06-10T08:00:00Z'));
    // 2026-06-10 00:00 Berlin (CEST) is 2026-06-09 22:00 UTC.
    expect(isValidOn(v, new Date('2026-06-09T22:00:00Z'))).toBe(true);
    expect(isValidOn(v, new Date('2026-06-09T21:59:00Z'))).toBe(false);
  });
});
