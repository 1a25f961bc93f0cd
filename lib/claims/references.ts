import crypto from 'node:crypto';

// Aktenzeichen and receipt numbers a member can read out on the phone: a prefix, the year, and six
// characters without look-alikes (no 0/O, 1/I/L).
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newReference(prefix: 'KG' | 'KKG' | 'MSG' | 'EB', now = new Date()): string {
  const bytes = crypto.randomBytes(6);
  const code = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${prefix}-${now.getUTCFullYear()}-${code}`;
}

export const referencePrefix = { SICKNESS_BENEFIT: 'KG', CHILD_SICKNESS_BENEFIT: 'KKG', MATERNITY_BENEFIT: 'MSG' } as const;
