import { describe, expect, it } from 'vitest';
import { sameName } from './names';

describe('name comparison', () => {
  it('ignores case, spaces and ß written as SS', () => {
    expect(sameName('Groß', 'GROSS')).toBe(true);
    expect(sameName(' Anna  Lena ', 'anna lena')).toBe(true);
    expect(sameName('Yılmaz', 'yılmaz')).toBe(true);
  });

  it('keeps letters that make another name', () => {
    expect(sameName('Müller', 'Muller')).toBe(false);
    expect(sameName('Schmidt', 'Schmitt')).toBe(false);
  });
});
