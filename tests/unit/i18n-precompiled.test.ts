import fs from 'node:fs';
import path from 'node:path';
import compile from 'icu-minify/compile';
import format from 'icu-minify/format';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { locales } from '@/lib/i18n/config';

// The portal's bundles format with use-intl's format-only runtime on messages compiled by icu-minify
// (lib/i18n/catalogue.ts, next.config.js). A message icu-minify cannot compile would break its page at
// the first request; one it compiles differently would read differently from the catalogue.
const messagesDir = path.join(process.cwd(), 'lib', 'i18n', 'messages');

function leaves(node: unknown, at: string, out: [string, string][] = []): [string, string][] {
  if (typeof node === 'string') out.push([at, node]);
  else if (node && typeof node === 'object') for (const [key, value] of Object.entries(node)) leaves(value, `${at}.${key}`, out);
  return out;
}

const formatters = {
  getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
  getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args),
  getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args),
};
const formatCompiled = (message: string, values: Record<string, string | number>) => format(compile(message), 'de', values, { formatters });

const catalogue = locales.flatMap((locale) =>
  fs
    .readdirSync(path.join(messagesDir, locale))
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => leaves(JSON.parse(fs.readFileSync(path.join(messagesDir, locale, file), 'utf8')), `${locale}/${file}`)),
);

describe('precompiled message catalogue', () => {
  it('compiles every message of both languages', () => {
    const failed = catalogue.filter(([, message]) => {
      try {
        compile(message);
        return false;
      } catch {
        return true;
      }
    });
    expect(failed.map(([key]) => key)).toEqual([]);
    expect(catalogue.length).toBeGreaterThan(3000);
  });

  it('leaves a message without arguments as it is written, so that t.raw() reads the same text', () => {
    const plain = catalogue.filter(([, message]) => !/[{}<']/.test(message));
    expect(plain.length).toBeGreaterThan(2000);
    expect(plain.filter(([, message]) => compile(message) !== message).map(([key]) => key)).toEqual([]);
  });

  it('formats arguments and plurals as the full ICU formatter does', () => {
    const results = '{count, plural, =0 {Kein Formular passt zu „{q}“.} one {Ein Formular passt zu „{q}“.} other {# Formulare passen zu „{q}“.}}';
    for (const count of [0, 1, 12]) {
      const values = { count, q: 'Reha' };
      expect(formatCompiled(results, values)).toBe(new IntlMessageFormat(results, 'de').format(values));
    }
    expect(formatCompiled(results, { count: 12, q: 'Reha' })).toBe('12 Formulare passen zu „Reha“.');
  });
});
