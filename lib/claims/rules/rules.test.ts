import { describe, expect, it } from 'vitest';
import { findSickNoteGaps, nextWorkingDay, uncoveredDays } from './sick-note-continuity';
import { arrivalDeadline, isLateArrival } from './arrival-deadline';
import { entitlementStatus, MAX_ENTITLEMENT_DAYS } from './entitlement-period';
import { sickNoteExpiryWarning } from './expiry-warning';
import { cappedDailyAmountCents, maxDailyAmountCents } from './daily-amount';
import { decisionClock } from './decision-deadline';
import { childSicknessAccount, childSicknessLimits, countedDays } from './child-sickness-days';

// Every expected value below was worked out by hand from a 2026 calendar (1 January 2026 is a Thursday).
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const p = (start: string, end: string) => ({ start: d(start), end: d(end) });

describe('follow-up sick notes (§ 46 Satz 2 SGB V)', () => {
  it('overlapping notes are continuous', () => {
    expect(findSickNoteGaps([p('2026-01-05', '2026-01-16'), p('2026-01-12', '2026-01-23')], 'BE')).toEqual([]);
  });

  it('a note starting the day after the previous ends is continuous', () => {
    expect(findSickNoteGaps([p('2026-01-05', '2026-01-09'), p('2026-01-10', '2026-01-20')], 'BE')).toEqual([]);
  });

  it('a note until Friday followed by one from Monday is continuous (Saturday is no Werktag)', () => {
    expect(nextWorkingDay(d('2026-01-30'), 'BE')).toEqual(d('2026-02-02'));
    expect(findSickNoteGaps([p('2026-01-19', '2026-01-30'), p('2026-02-02', '2026-02-13')], 'BE')).toEqual([]);
  });

  it('a note until Friday followed by one from Tuesday leaves a gap of Saturday to Monday', () => {
    const gaps = findSickNoteGaps([p('2026-01-19', '2026-01-30'), p('2026-02-03', '2026-02-13')], 'BE');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.latestFollowUpStart).toEqual(d('2026-02-02'));
    expect(gaps[0]!.uncovered).toEqual(p('2026-01-31', '2026-02-02'));
    expect(uncoveredDays(gaps[0]!)).toBe(3);
  });

  it('Fronleichnam (Thu 4 June 2026) is a holiday in Bayern but not in Berlin', () => {
    const notes = [p('2026-05-25', '2026-06-03'), p('2026-06-05', '2026-06-19')];
    expect(findSickNoteGaps(notes, 'BY')).toEqual([]);
    const berlin = findSickNoteGaps(notes, 'BE');
    expect(berlin).toHaveLength(1);
    expect(berlin[0]!.uncovered).toEqual(p('2026-06-04', '2026-06-04'));
  });

  it('Buß- und Bettag (Wed 18 November 2026) counts only in Sachsen', () => {
    const notes = [p('2026-11-09', '2026-11-17'), p('2026-11-19', '2026-11-27')];
    expect(findSickNoteGaps(notes, 'SN')).toEqual([]);
    expect(findSickNoteGaps(notes, 'BE')).toHaveLength(1);
  });

  it('a short note inside a long one does not hide a later gap', () => {
    // Covered until Tue 20 Jan; the next Werktag is Wed 21 Jan; the follow-up starts Thu 22 Jan.
    const gaps = findSickNoteGaps([p('2026-01-05', '2026-01-20'), p('2026-01-07', '2026-01-09'), p('2026-01-22', '2026-01-30')], 'HH');
    expect(gaps.map((g) => g.uncovered)).toEqual([p('2026-01-21', '2026-01-21')]);
  });
});

describe('one-week arrival of notes the member sends in (§ 49 Abs. 1 Nr. 5 SGB V)', () => {
  it('must arrive within a week of the incapacity starting', () => {
    expect(arrivalDeadline(d('2026-03-02'))).toEqual(d('2026-03-09'));
    expect(isLateArrival({ start: d('2026-03-02'), channel: 'POST', receivedOn: d('2026-03-09') })).toBe(false);
    expect(isLateArrival({ start: d('2026-03-02'), channel: 'UPLOAD', receivedOn: d('2026-03-10') })).toBe(true);
  });

  it('an eAU from the practice is never late', () => {
    expect(isLateArrival({ start: d('2026-03-02'), channel: 'EAU', receivedOn: d('2026-03-20') })).toBe(false);
  });
});

describe('78 weeks of Krankengeld in three years (§ 48 Abs. 1 SGB V)', () => {
  it('is 546 days', () => expect(MAX_ENTITLEMENT_DAYS).toBe(546));

  it('one note of January: 31 used, 515 left, last day 30 June 2027', () => {
    const status = entitlementStatus([p('2026-01-01', '2026-01-31')], d('2026-01-31'))!;
    expect(status).toMatchObject({ used: 31, left: 515 });
    expect(status.forecastLastDay).toEqual(d('2027-06-30'));
    expect(status.block).toEqual(p('2026-01-01', '2028-12-31'));
  });

  it('counts several notes across years once each, and nothing after today', () => {
    // Nov+Dec 2024: 61; Jan–Mar 2025: 90; overlap note adds 1–10 April: 10; Feb 2026 up to the 20th: 20.
    const notes = [p('2024-11-01', '2024-12-31'), p('2025-01-01', '2025-03-31'), p('2025-03-15', '2025-04-10'), p('2026-02-01', '2026-02-28')];
    const status = entitlementStatus(notes, d('2026-02-20'))!;
    expect(status).toMatchObject({ used: 181, left: 365 });
    expect(status.forecastLastDay).toEqual(d('2027-02-20'));
    expect(status.block).toEqual(p('2024-11-01', '2027-10-31'));
  });

  it('close to the end: 536 used, 10 left', () => {
    // 365 days of 2025 + 171 days of 2026 up to 20 June.
    const status = entitlementStatus([p('2025-01-01', '2026-07-31')], d('2026-06-20'))!;
    expect(status).toMatchObject({ used: 536, left: 10 });
    expect(status.forecastLastDay).toEqual(d('2026-06-30'));
  });

  it('never counts more than 546 days', () => {
    const status = entitlementStatus([p('2025-01-01', '2026-07-31')], d('2026-07-15'))!;
    expect(status).toMatchObject({ used: 546, left: 0, forecastLastDay: null });
  });

  it('days after the three-year block are not counted in it', () => {
    // Block 10 Jan 2023 – 9 Jan 2026: 356 days of 2023 plus 5–9 January 2026.
    const status = entitlementStatus([p('2023-01-10', '2023-12-31'), p('2026-01-05', '2026-01-20')], d('2026-01-20'))!;
    expect(status.used).toBe(361);
  });
});

describe('warning before the latest note runs out', () => {
  it('warns from three days before the end up to the last day', () => {
    expect(sickNoteExpiryWarning(d('2026-03-13'), d('2026-03-09'))).toBeNull();
    expect(sickNoteExpiryWarning(d('2026-03-13'), d('2026-03-10'))).toEqual({ daysLeft: 3 });
    expect(sickNoteExpiryWarning(d('2026-03-13'), d('2026-03-13'))).toEqual({ daysLeft: 0 });
    expect(sickNoteExpiryWarning(d('2026-03-13'), d('2026-03-14'))).toBeNull();
    expect(sickNoteExpiryWarning(null, d('2026-03-14'))).toBeNull();
  });
});

describe('maximum daily Krankengeld (§ 47 SGB V)', () => {
  it('is 135.63 € in 2026, 128.63 € in 2025', () => {
    expect(maxDailyAmountCents(2026)).toBe(13_563);
    expect(maxDailyAmountCents(2025)).toBe(12_863);
    expect(cappedDailyAmountCents(15_000, 2026)).toBe(13_563);
    expect(cappedDailyAmountCents(9_876, 2026)).toBe(9_876);
  });

  it('uses the latest known year for a year not in the table yet', () => {
    expect(maxDailyAmountCents(2030)).toBe(13_563);
  });
});

describe('decision deadline (§ 13 Abs. 3a SGB V)', () => {
  it('three weeks after receipt, five with the Medizinischer Dienst', () => {
    expect(decisionClock(d('2026-03-02'), false, d('2026-03-23'), false)).toEqual({ deadline: d('2026-03-23'), weeks: 3, passed: false });
    expect(decisionClock(d('2026-03-02'), false, d('2026-03-24'), false).passed).toBe(true);
    expect(decisionClock(d('2026-03-02'), false, d('2026-03-24'), true).passed).toBe(false);
    expect(decisionClock(d('2026-03-02'), true, d('2026-03-24'), false)).toEqual({ deadline: d('2026-04-06'), weeks: 5, passed: false });
  });
});

describe('Kinderkrankengeld days (§ 45 Abs. 2a SGB V)', () => {
  it('2026: 15 per child and parent, 30 single; caps 35 and 70; earlier years differ', () => {
    expect(childSicknessLimits(2026, false)).toEqual({ perChild: 15, allChildren: 35 });
    expect(childSicknessLimits(2026, true)).toEqual({ perChild: 30, allChildren: 70 });
    expect(childSicknessLimits(2023, false)).toEqual({ perChild: 30, allChildren: 65 });
  });

  it('two parents each have their own 15 days for the child', () => {
    const mother = childSicknessAccount({ year: 2026, singleParent: false, state: 'SN', childIds: ['emma'], absences: [{ childId: 'emma', period: p('2026-02-02', '2026-02-06') }] });
    const father = childSicknessAccount({ year: 2026, singleParent: false, state: 'SN', childIds: ['emma'], absences: [] });
    expect(mother.children).toEqual([{ childId: 'emma', used: 5, left: 10 }]);
    expect(father.children).toEqual([{ childId: 'emma', used: 0, left: 15 }]);
  });

  it('a single parent has 30 days per child, 70 in all', () => {
    const account = childSicknessAccount({ year: 2026, singleParent: true, state: 'SN', childIds: ['emma'], absences: [{ childId: 'emma', period: p('2026-03-02', '2026-03-13') }] });
    expect(account.children).toEqual([{ childId: 'emma', used: 10, left: 20 }]);
    expect(account.totalLeft).toBe(60);
  });

  it('three children meet the cap of 35', () => {
    const account = childSicknessAccount({
      year: 2026,
      singleParent: false,
      state: 'SN',
      childIds: ['a', 'b', 'c'],
      absences: [
        { childId: 'a', period: p('2026-01-05', '2026-01-23') }, // three full weeks: 15
        { childId: 'b', period: p('2026-02-02', '2026-02-20') }, // 15
        { childId: 'c', period: p('2026-03-02', '2026-03-04') }, // 3
      ],
    });
    expect(account.totalUsed).toBe(33);
    expect(account.children).toEqual([
      { childId: 'a', used: 15, left: 0 },
      { childId: 'b', used: 15, left: 0 },
      { childId: 'c', used: 3, left: 2 },
    ]);
  });

  it('hospital days with the child and public holidays do not count', () => {
    // Mon 13 – Fri 24 April: 10 Arbeitstage, 3 of them (Wed–Fri 15–17) in hospital: 7.
    expect(countedDays({ childId: 'a', period: p('2026-04-13', '2026-04-24'), hospital: p('2026-04-15', '2026-04-17') }, 2026, 'SN')).toBe(7);
    // Mon 30 March – Fri 10 April: Karfreitag (3 April) and Ostermontag (6 April) are not Arbeitstage: 8.
    expect(countedDays({ childId: 'a', period: p('2026-03-30', '2026-04-10') }, 2026, 'SN')).toBe(8);
  });
});
