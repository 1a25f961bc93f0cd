import { _createCache, _createIntlFormatters } from 'use-intl/core';
import formatPrecompiled from 'use-intl/format-message/format-only';

// Every `Intl` object a message needs (the plural rules of "{count, plural, …}", the number format of its
// "#", a date or time), built once per process and language instead of once per request. next-intl keeps
// its formatters for one request only; on a member page the frame's and the Postfach's plural messages
// built an Intl.PluralRules and an Intl.NumberFormat on every view (about 0.2 ms, see `npm run
// bench:profile`). These objects hold no request data: the same rules serve every member. The cache is
// keyed by language and options, which the catalogue fixes, so it stays small.
const sharedFormatters = _createIntlFormatters(_createCache());

/**
 * use-intl's format-only runtime for the portal's precompiled catalogue (lib/i18n/catalogue.ts), with the
 * process-wide formatters above. next.config.js aliases `use-intl/format-message` to this module.
 */
export default function formatMessage(...[key, message, values, options]: Parameters<typeof formatPrecompiled>): ReturnType<typeof formatPrecompiled> {
  return formatPrecompiled(key, message, values, { ...options, formatters: sharedFormatters });
}

// Like use-intl's own format-only runtime: `t.raw` returns the compiled form, not the message as written.
formatMessage.raw = false;
