import { describe, expect, it } from 'vitest';
import { ageOn, sameName } from './names';

describe('name comparison', () => {
  it('ignores case, spaces and ß written as SS', () => {
    expect(sameName('Groß', 'GROSS')).toBe(true);
    expect(sameName(' Anna  Lena ', 'anna lena')).toBe(true);
    expect(sameName('Yılmaz', 'yılmaz')).toBe(true);
  });

  it('treats the passport transliteration ae/oe/ue/ss as the umlaut', () => {
    expect(sameName('Guenter', 'Günter')).toBe(true);
    expect(sameName('GUENTER', 'günter')).toBe(true);
    expect(sameName('Strasse', 'Straße')).toBe(true);
    expect(sameName('Koehler', 'Köhler')).toBe(true);
    expect(sameName('Baer', 'Bär')).toBe(true);
    // Decomposed ü (u + combining diaeresis), as some keyboards send it.
    expect(sameName('Gu\u0308nter', 'Guenter')).toBe(true);
    expect(sameName(' guenter ', 'Günter')).toBe(true);
  });

  it('keeps letters that make another name', () => {
    expect(sameName('Gunter', 'Günter')).toBe(false);
    expect(sameName('Müller', 'Muller')).toBe(false);
    expect(sameName('Schmidt', 'Schmitt')).toBe(false);
    expect(sameName('Yilmaz', 'Yılmaz')).toBe(false);
  });
});

describe('age', () => {
  const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
  it('counts full years, the birthday included', () => {
    expect(ageOn(d('2011-06-15'), d('2026-06-14'))).toBe(14);
    expect(ageOn(d('2011-06-15'), d('2026-06-15'))).toBe(15);
    expect(ageOn(d('2017-03-01'), d('2026-12-01'))).toBe(9);
  });
});
