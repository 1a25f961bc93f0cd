import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLocale, locales, type Locale } from '@/lib/i18n/config';

// Every visible text comes from lib/i18n/messages/<locale>/<namespace>.json. A key that exists in one
// language only shows the raw key to the other; a placeholder spelled differently renders as "{name}".
const messagesDir = path.join(process.cwd(), 'lib', 'i18n', 'messages');

type Catalogue = { [key: string]: string | Catalogue };

function namespaces(locale: string): string[] {
  return fs
    .readdirSync(path.join(messagesDir, locale))
    .filter((file) => file.endsWith('.json'))
    .map((file) => path.basename(file, '.json'))
    .sort();
}

function load(locale: string, namespace: string): Catalogue {
  return JSON.parse(fs.readFileSync(path.join(messagesDir, locale, `${namespace}.json`), 'utf8'));
}

/** Leaf values by dotted key; a value that is neither a string nor an object is reported by its type. */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalogue)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value, dotted)) leaves.set(k, v);
    } else {
      leaves.set(dotted, value);
    }
  }
  return leaves;
}

/**
 * The arguments an ICU message uses, e.g. `name`, `count:plural`, `kind:select[a|b|other]`, and `<link>`
 * for rich-text tags. A small reader of ICU MessageFormat as next-intl parses it: `'{'` quotes a brace,
 * `''` is an apostrophe, a lone apostrophe elsewhere ("don't") is text. Throws on unbalanced braces.
 */
function icuArguments(message: string): string[] {
  const found = new Set<string>();
  let i = 0;

  const skipQuote = () => {
    // At an apostrophe: `''` is a literal apostrophe; `'{…'` quotes up to the next apostrophe.
    if (message[i + 1] === "'") return (i += 2);
    if (message[i + 1] === '{' || message[i + 1] === '}' || message[i + 1] === '#') {
      const end = message.indexOf("'", i + 1);
      i = end === -1 ? message.length : end + 1;
      return i;
    }
    return (i += 1);
  };

  // Reads text up to the `}` closing the current sub-message (or the end at depth 0).
  const readMessage = (nested: boolean) => {
    while (i < message.length) {
      const ch = message[i];
      if (ch === "'") skipQuote();
      else if (ch === '{') readArgument();
      else if (ch === '}') {
        if (!nested) throw new Error(`unbalanced "}" at ${i}`);
        return;
      } else if (ch === '<') {
        const tag = /^<\/?([A-Za-z][\w-]*)>/.exec(message.slice(i));
        if (tag) found.add(`<${tag[1]}>`);
        i += tag ? tag[0].length : 1;
      } else i += 1;
    }
    if (nested) throw new Error('unclosed "{"');
  };

  const readArgument = () => {
    const close = /^\{\s*([^\s,{}]+)\s*(?:,\s*(\w+)\s*)?(,|\})/.exec(message.slice(i));
    if (!close) throw new Error(`malformed argument at ${i}: ${message.slice(i, i + 20)}`);
    const [whole, name = '', type, end] = close;
    i += whole.length;
    if (end === '}') {
      found.add(type ? `${name}:${type}` : name);
      return;
    }
    if (type === 'plural' || type === 'select' || type === 'selectordinal') {
      const options: string[] = [];
      for (;;) {
        const option = /^\s*(offset:\d+\s*)?([^\s{}]+)\s*\{/.exec(message.slice(i));
        if (!option) break;
        options.push(option[2] ?? '');
        i += option[0].length;
        readMessage(true);
        i += 1; // the option's closing brace
      }
      const rest = /^\s*\}/.exec(message.slice(i));
      if (!rest) throw new Error(`malformed ${type} for {${name}}`);
      i += rest[0].length;
      if (!options.includes('other')) throw new Error(`{${name}, ${type}} has no "other" option`);
      // Plural categories differ between languages; select keys are chosen by the code and must match.
      found.add(type === 'select' ? `${name}:select[${options.sort().join('|')}]` : `${name}:${type}`);
      return;
    }
    // `{date, date, short}` and the like: skip the style up to the closing brace.
    const style = message.indexOf('}', i);
    if (style === -1) throw new Error(`unclosed {${name}, ${type}}`);
    i = style + 1;
    found.add(`${name}:${type}`);
  };

  readMessage(false);
  return [...found].sort();
}

describe('icuArguments', () => {
  it('reads plain, formatted, plural and select arguments and ignores quoted braces', () => {
    expect(icuArguments('Hallo {name}, {count, plural, =0 {keine} one {# neue} other {# neue von {total}}}')).toEqual([
      'count:plural',
      'name',
      'total',
    ]);
    expect(icuArguments("{kind, select, card {Karte} other {Brief}} am {date, date, short} '{'nicht'}' don't")).toEqual([
      'date:date',
      'kind:select[card|other]',
    ]);
    expect(icuArguments('Siehe <link>Hilfe</link>')).toEqual(['<link>']);
    expect(() => icuArguments('Hallo {name')).toThrow();
    expect(() => icuArguments('{n, plural, one {#}}')).toThrow(/other/);
  });
});

describe('message catalogues', () => {
  const reference = namespaces(defaultLocale);

  it('have the same namespace files in every language', () => {
    expect(reference.length).toBeGreaterThan(0);
    for (const locale of locales) expect(namespaces(locale), locale).toEqual(reference);
  });

  for (const namespace of reference) {
    describe(namespace, () => {
      const byLocale = Object.fromEntries(locales.map((locale) => [locale, flatten(load(locale, namespace))])) as Record<
        Locale,
        Map<string, unknown>
      >;

      it('has exactly the same keys in every language', () => {
        const expected = [...byLocale[defaultLocale].keys()].sort();
        for (const locale of locales) expect([...byLocale[locale].keys()].sort(), locale).toEqual(expected);
      });

      it('has no empty or non-text values', () => {
        const problems: string[] = [];
        for (const locale of locales) {
          for (const [key, value] of byLocale[locale]) {
            if (typeof value !== 'string') problems.push(`${locale} ${key}: ${JSON.stringify(value)}`);
            else if (value.trim() === '') problems.push(`${locale} ${key}: empty`);
          }
        }
        expect(problems).toEqual([]);
      });

      it('uses the same ICU placeholders in every language', () => {
        const problems: string[] = [];
        for (const [key, value] of byLocale[defaultLocale]) {
          if (typeof value !== 'string') continue;
          let expected: string[];
          try {
            expected = icuArguments(value);
          } catch (error) {
            problems.push(`${defaultLocale} ${key}: ${(error as Error).message}`);
            continue;
          }
          for (const locale of locales) {
            const other = byLocale[locale].get(key);
            if (locale === defaultLocale || typeof other !== 'string') continue;
            try {
              const actual = icuArguments(other);
              if (actual.join() !== expected.join()) {
                problems.push(`${locale} ${key}: [${actual}] instead of [${expected}]`);
              }
            } catch (error) {
              problems.push(`${locale} ${key}: ${(error as Error).message}`);
            }
          }
        }
        expect(problems).toEqual([]);
      });
    });
  }
});
