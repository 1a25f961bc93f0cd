import { BIC, IBAN } from 'ibankit';
// The enum's numbers are the same in ibankit's CommonJS and ES builds; its exception classes are not (a
// bundler may load either build), so errors are told apart by their fields, not with instanceof.
import { FormatViolation } from 'ibankit/lib/cjs/exceptions';

/**
 * Countries of the SEPA payment area (European Payments Council's list, 2025): the EU and EEA states,
 * Switzerland, the United Kingdom, Monaco, San Marino, Vatican City, Andorra, Albania, Moldova,
 * Montenegro, North Macedonia and Serbia. French overseas departments use FR, the Channel Islands and
 * the Isle of Man GB IBANs. Payments from the HEK go only to accounts in this area.
 */
export const SEPA_COUNTRIES = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL',
  'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO', 'CH', 'GB', 'MC', 'SM', 'VA', 'AD', 'AL', 'MD', 'ME', 'MK',
  'RS', 'GI',
]);

export type IbanProblem =
  | 'required'
  | 'characters' // something other than letters and digits
  | 'country' // no such country code
  | 'no_iban_country' // the country uses no IBAN (US, CA, AU, …)
  | 'length' // wrong length for the country
  | 'check_digits' // the two check digits do not match (a typo)
  | 'bban_digits' // a letter where the country allows digits only (German BBAN)
  | 'bban_format' // other structure error of the national part
  | 'not_sepa'; // a valid IBAN outside the SEPA area

export type CheckedIban = { ok: true; iban: string; country: string; bankCode: string | null } | { ok: false; problem: IbanProblem };

/** Electronic format: upper case without spaces. */
export function normalizeIban(raw: string): string {
  return raw.replace(/[\s-]+/g, '').toUpperCase();
}

/**
 * Checks an IBAN with ibankit (ISO 13616: country, length and national structure, mod-97 check digits)
 * and the SEPA area, and says what is wrong in terms a member can act on.
 */
export function checkIban(raw: string): CheckedIban {
  const iban = normalizeIban(raw);
  if (!iban) return { ok: false, problem: 'required' };
  if (!/^[A-Z0-9]+$/.test(iban)) return { ok: false, problem: 'characters' };
  try {
    const parsed = new IBAN(iban);
    const country = parsed.getCountryCode() as string;
    if (!SEPA_COUNTRIES.has(country)) return { ok: false, problem: 'not_sepa' };
    return { ok: true, iban, country, bankCode: parsed.getBankCode() };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}

type IbankitError = Error & { formatViolation?: FormatViolation; expected?: string };

function problemOf(error: unknown): IbanProblem {
  if (!(error instanceof Error)) throw error;
  const { formatViolation, expected } = error as IbankitError;
  // InvalidCheckDigitException carries the expected check digits, UnsupportedCountryException nothing.
  if (formatViolation === undefined) return expected ? 'check_digits' : 'no_iban_country';
  switch (formatViolation) {
    case FormatViolation.COUNTRY_CODE_EXISTS:
    case FormatViolation.COUNTRY_CODE_TWO_LETTERS:
    case FormatViolation.COUNTRY_CODE_ONLY_UPPER_CASE_LETTERS:
      return 'country';
    case FormatViolation.BBAN_LENGTH:
      return 'length';
    case FormatViolation.BBAN_ONLY_DIGITS:
      return 'bban_digits';
    case FormatViolation.IBAN_VALID_CHARACTERS:
      return 'characters';
    case FormatViolation.CHECK_DIGIT_ONLY_DIGITS:
    case FormatViolation.CHECK_DIGIT_TWO_DIGITS:
      return 'check_digits';
    default:
      return 'bban_format';
  }
}

/** A BIC (ISO 9362) given by the member must be well-formed and belong to the IBAN's country. */
export function checkBic(raw: string, ibanCountry: string): { ok: true; bic: string | null } | { ok: false } {
  const bic = raw.replace(/\s+/g, '').toUpperCase();
  if (!bic) return { ok: true, bic: null };
  if (!BIC.isValid(bic)) return { ok: false };
  const country = new BIC(bic).getCountryCode() as string | null;
  // Monaco and the UK's Crown dependencies have BICs of their own country with FR/GB IBANs.
  if (country !== ibanCountry && !(ibanCountry === 'FR' && country === 'MC') && !(ibanCountry === 'GB' && ['JE', 'GG', 'IM'].includes(country ?? ''))) {
    return { ok: false };
  }
  return { ok: true, bic: bic.length === 8 ? `${bic}XXX` : bic };
}

/** "DE•• •••• •••• •••• ••30 00": only the last four characters are shown. */
export function maskIban(iban: string): string {
  const masked = `${iban.slice(0, 2)}${'•'.repeat(Math.max(0, iban.length - 6))}${iban.slice(-4)}`;
  // Grouped in fours from the right, so that the visible four stand together: "DE •••• … •••• 3000".
  const groups: string[] = [];
  for (let end = masked.length; end > 0; end -= 4) groups.unshift(masked.slice(Math.max(0, end - 4), end));
  return groups.join(' ');
}
