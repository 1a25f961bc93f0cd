import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', 'lib/generated/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  // next.config.js is CommonJS by the design card's file name (package.json has no "type").
  { files: ['next.config.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // Playwright fixtures call `use()`, which the React hooks rule mistakes for React's.
  { files: ['tests/e2e/**'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
];

export default config;
