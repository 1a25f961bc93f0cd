import compile from 'icu-minify/compile';
import { _createCache, _createIntlFormatters } from 'use-intl/core';
import { describe, expect, it } from 'vitest';
import formatMessage from './format-message';

const unread = '{count, plural, one {# neue Antwort} other {# neue Antworten}}';

/** The options next-intl hands the formatter on one request, with that request's own formatters. */
function requestOptions(locale: string) {
  const cache = _createCache();
  return { cache, formatters: _createIntlFormatters(cache), locale, timeZone: 'Europe/Berlin' };
}

describe('formatMessage (the format-only runtime with process-wide Intl objects)', () => {
  it('formats plurals and numbers per language as use-intl does', () => {
    const message = compile(unread);
    expect(formatMessage('unread', message, { count: 1 }, requestOptions('de'))).toBe('1 neue Antwort');
    expect(formatMessage('unread', message, { count: 1234 }, requestOptions('de'))).toBe('1.234 neue Antworten');
    const english = compile('{count, plural, one {# new answer} other {# new answers}}');
    expect(formatMessage('unread', english, { count: 1234 }, requestOptions('en'))).toBe('1,234 new answers');
  });

  it('builds no Intl object per request: the formatters of the request stay unused', () => {
    const message = compile(unread);
    for (let request = 0; request < 3; request++) {
      const options = requestOptions('de');
      expect(formatMessage('unread', message, { count: 2 }, options)).toBe('2 neue Antworten');
      // use-intl's formatters memoise into the request's cache; with the shared ones it stays empty.
      expect(options.cache.pluralRules).toEqual({});
      expect(options.cache.number).toEqual({});
    }
  });
});
