import crypto from 'node:crypto';

// Verification codes are read off paper and typed in: no 0/O, 1/I/L or U/V look-alikes. 12 characters
// from 29 give about 58 bits, and the public lookup is rate-limited.
const ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789';
export const CODE_LENGTH = 12;

export function generateVerificationCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return code;
}

/** What a person typed, without separators and spaces, in capitals; null when it cannot be a code. */
export function normaliseVerificationCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return null;
  return [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

/** ABCD-EFGH-JKMN: groups of four, as printed. */
export function formatVerificationCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}
