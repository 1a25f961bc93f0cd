// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// use-intl formats messages with intl-messageformat, whose ICU parser is 12 kB (gzip) on every page that
// translates in the browser. The portal compiles its catalogue on the server instead (lib/i18n/catalogue.ts)
// and the bundles get use-intl's format-only runtime, wrapped so that its Intl objects are built once per
// process (lib/i18n/format-message.ts); INTL_PRECOMPILED tells the catalogue to compile.
const formatOnly = './lib/i18n/format-message.ts';

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  env: { INTL_PRECOMPILED: '1' },
  turbopack: { resolveAlias: { 'use-intl/format-message': formatOnly } },
  reactStrictMode: true,
  // Replies and submitted documents carry up to MAILBOX_MAX_FILES × MAILBOX_MAX_FILE_MB (5 × 10 MB) of
  // attachments through a server action and the proxy; both refuse larger bodies before any code runs.
  experimental: { serverActions: { bodySizeLimit: '52mb' }, proxyClientMaxBodySize: '52mb' },
  // Native or WASM packages that must be loaded by Node at run time, not bundled.
  serverExternalPackages: [
    '@node-rs/argon2',
    '@electric-sql/pglite',
    'pglite-prisma-adapter',
    '@prisma/adapter-pg',
    'pg',
    '@react-pdf/renderer',
  ],
  // Security headers for everything, including static files; the CSP with its per-request nonce
  // is set in proxy.ts because it changes on every request.
  async headers() {
    const common = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      {
        key: 'Permissions-Policy',
        value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
      },
      { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    ];
    // Members' files (see FILE_ROUTE_PREFIXES in proxy.ts) are framed by the letter page: SAMEORIGIN there,
    // DENY everywhere else. The two sources never match the same path, so neither replaces the other.
    const files = '/api/:area(letters|certificates|health-card)/:path*';
    return [
      { source: '/((?!api/letters/|api/certificates/|api/health-card/).*)', headers: [...common, { key: 'X-Frame-Options', value: 'DENY' }] },
      { source: files, headers: [...common, { key: 'X-Frame-Options', value: 'SAMEORIGIN' }] },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
