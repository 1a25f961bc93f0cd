import { defineConfig, devices } from '@playwright/test';
import { chromiumExecutablePath } from './tests/e2e/chromium.mjs';

// The portal under test is started by tests/e2e/global-setup.ts on its own database, from the
// existing production build (`npm test` builds first). E2E_BASE_URL set by the caller means: test that
// running portal instead, start nothing. Either way the workers read the URL from E2E_BASE_URL.

function workerCount(): number {
  const value = process.env.E2E_WORKERS ?? '2';
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1) {
    throw new Error(`E2E_WORKERS must be a positive integer, got "${value}".`);
  }
  return workers;
}

const jsonReport = process.env.E2E_JSON_REPORT;
// E2E_GREP=@smoke runs only the tests whose title matches (a regular expression): CI's set on PGlite.
const grep = process.env.E2E_GREP ? new RegExp(process.env.E2E_GREP) : undefined;
// At 360 px: the tests tagged @mobile (what depends on the width: the walk over every page in
// responsive.spec.ts, the Postfach's first screen, the phone in the session list). The rest behaves alike
// at any width and runs at desktop width only, which keeps CI under its time limit. With E2E_GREP, the
// phone runs only the matching tests that are also tagged @mobile. E2E_MOBILE=all runs every test at 360 px.
function mobileGrep(): RegExp | undefined {
  if (process.env.E2E_MOBILE === 'all') return grep;
  if (!grep) return /@mobile/;
  return new RegExp(`^(?=.*(?:${grep.source}))(?=.*@mobile)`);
}

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  globalSetup: './tests/e2e/global-setup.ts',
  globalTeardown: './tests/e2e/global-teardown.ts',
  // Two cores: the portal, the browsers and the runner share them; tests in one file run in order.
  workers: workerCount(),
  grep,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // No retries, in CI neither: a flaky test is a bug to fix, and a retry would hide it.
  retries: 0,
  // Each test is written to take under 30 s on a quiet machine (long journeys are split; the slowest,
  // the admin journey, takes about 28 s alone here). The limit is twice that, so that a busy machine (CI,
  // two workers and the portal on two cores) does not turn a healthy test red.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['html', { open: 'never' }],
    ...(jsonReport ? [['json', { outputFile: jsonReport }] as const] : []),
  ],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    navigationTimeout: 15_000,
    launchOptions: {
      executablePath: chromiumExecutablePath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    {
      name: 'desktop',
      // @phone-only: the English walk over every page (responsive.spec.ts), at 360 px only.
      grepInvert: /@phone-only/,
      use: { browserName: 'chromium', viewport: { width: 1280, height: 800 } },
    },
    {
      name: 'mobile',
      grep: mobileGrep(),
      use: {
        browserName: 'chromium',
        // A phone's user agent too, so that the portal sees (and lists in its sessions) a phone.
        userAgent: devices['Pixel 7'].userAgent,
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
        // One device pixel per CSS pixel: the layout at 360 px is what is tested, and a phone's density
        // (2 and more) only made Chromium paint four times the pixels, about a sixth of the walk's time.
        deviceScaleFactor: 1,
      },
    },
  ],
});
