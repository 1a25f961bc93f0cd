/**
 * Krankenversichertennummer (KVNR): one capital letter, eight digits, one check digit.
 * The letter counts as its position 01–26; the ten digits are weighted 1,2,1,2,…; the digit sums of the
 * products are added, and the sum modulo 10 is the check digit.
 */
export const KVNR_PATTERN = /^[A-Z][0-9]{9}$/;

export function kvnrCheckDigit(firstNine: string): number {
  const letter = firstNine.charCodeAt(0) - 64;
  const digits = `${String(letter).padStart(2, '0')}${firstNine.slice(1)}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const product = Number(digits[i]) * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 10) + (product % 10);
  }
  return sum % 10;
}

export function isValidKvnr(value: string): boolean {
  return KVNR_PATTERN.test(value) && kvnrCheckDigit(value.slice(0, 9)) === Number(value[9]);
}

/** Members type it with spaces or in lower case; the canonical form has neither. */
export function normaliseKvnr(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}
