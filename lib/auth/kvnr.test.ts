import { describe, expect, it } from 'vitest';
import { isValidKvnr, kvnrCheckDigit, normaliseKvnr } from './kvnr';
import { loginSchema } from './schema';

describe('KVNR check digit', () => {
  it('accepts numbers whose check digit matches', () => {
    // A=01: 0 1 1 2 3 4 5 6 7 8 weighted 1,2,… → digit sums 0+2+1+4+3+8+5+3+7+7 = 40 → 0
    expect(kvnrCheckDigit('A12345678')).toBe(0);
    expect(isValidKvnr('A123456780')).toBe(true);
  });

  it('counts letters beyond I as two digits', () => {
    // Z=26: 2 6 9 8 7 6 5 4 3 2 → products 2,12,9,16,7,12,5,8,3,4 → sums 2+3+9+7+7+3+5+8+3+4 = 51 → 1
    expect(kvnrCheckDigit('Z98765432')).toBe(1);
    expect(isValidKvnr('Z987654321')).toBe(true);
  });

  it('refuses a wrong check digit, a wrong shape and lower case', () => {
    expect(isValidKvnr('A123456781')).toBe(false);
    expect(isValidKvnr('A12345678')).toBe(false);
    expect(isValidKvnr('1234567890')).toBe(false);
    expect(isValidKvnr('a123456780')).toBe(false);
  });

  it('normalises spaces and case before checking', () => {
    expect(normaliseKvnr(' a 123 456 780 ')).toBe('A123456780');
    const parsed = loginSchema.safeParse({ kvnr: 'a123 456780', password: 'x' });
    expect(parsed.success && parsed.data.kvnr).toBe('A123456780');
  });

  it('names the problem with a catalogue key', () => {
    const wrongDigit = loginSchema.safeParse({ kvnr: 'A123456781', password: 'x' });
    expect(wrongDigit.success).toBe(false);
    expect(wrongDigit.error?.issues[0]?.message).toBe('kvnr.checkDigit');
    const wrongShape = loginSchema.safeParse({ kvnr: 'A12', password: '' });
    expect(wrongShape.error?.issues.map((i) => i.message).sort()).toEqual(['kvnr.format', 'required']);
    const empty = loginSchema.safeParse({ kvnr: '', password: 'x' });
    expect(empty.error?.issues.map((i) => i.message)).toEqual(['required']);
  });
});
