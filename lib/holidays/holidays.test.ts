import { describe, expect, it } from 'vitest';
import { federalStateOfPostalCode, isPublicHoliday, isWorkingDay } from '.';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('public holidays and Werktage by federal state', () => {
  it('reads the holidays from feiertagejs per state', () => {
    expect(isPublicHoliday(d('2026-06-04'), 'BY')).toBe(true); // Fronleichnam
    expect(isPublicHoliday(d('2026-06-04'), 'HH')).toBe(false);
    expect(isPublicHoliday(d('2026-03-08'), 'BE')).toBe(true); // Internationaler Frauentag, Berlin only
    expect(isPublicHoliday(d('2026-10-03'), 'HH')).toBe(true);
  });

  it('Saturdays and Sundays are not Werktage here (§ 46 SGB V)', () => {
    expect(isWorkingDay(d('2026-01-30'), 'HH')).toBe(true); // Friday
    expect(isWorkingDay(d('2026-01-31'), 'HH')).toBe(false); // Saturday
    expect(isWorkingDay(d('2026-02-01'), 'HH')).toBe(false); // Sunday
  });

  it('finds the state of the demo members’ postal codes', () => {
    expect(federalStateOfPostalCode('10827')).toBe('BE');
    expect(federalStateOfPostalCode('01067')).toBe('SN');
    expect(federalStateOfPostalCode('40212')).toBe('NW');
    expect(federalStateOfPostalCode('22081')).toBe('HH');
    expect(federalStateOfPostalCode('28195')).toBe('HB');
    expect(federalStateOfPostalCode('abcde')).toBeNull();
  });
});
