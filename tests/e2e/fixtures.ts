import { test as base, expect, type Page } from '@playwright/test';
import { auditA11y, checkA11y, formatA11yReports, pageStateKey, type A11yReport } from './a11y';

export { expect, checkA11y };

// Pages already audited after a page.goto in this worker process, by pageStateKey: the same page in the
// same state (route, language, width, landmarks and messages shown) is audited once per worker, not in
// every test that passes by it. An audit takes about a second; without this, half of a journey's time.
const auditedStates = new Set<string>();

/**
 * Playwright's `test` with an accessibility audit (axe, WCAG 2.1 A/AA) of every page the test opens
 * with page.goto (each page state once per worker, see auditedStates), and of the page it ends on. Any
 * violation fails the test; all of them are reported together at its end. States reached without
 * page.goto (an open dialog, the next step of a form) are checked with `await checkA11y(page)`, which
 * fails at once.
 */
export const test = base.extend({
  page: async ({ page }, use, testInfo) => {
    const reports: A11yReport[] = [];
    const navigate = page.goto.bind(page);
    page.goto = async (url: string, options?: Parameters<Page['goto']>[1]) => {
      const response = await navigate(url, options);
      const key = await pageStateKey(page);
      if (key === undefined || !auditedStates.has(key)) {
        const report = await auditA11y(page);
        if (report) reports.push(report);
        // Only a clean page is remembered: a violation is reported again by every test that meets it.
        if (key !== undefined && report && report.violations.length === 0) auditedStates.add(key);
      }
      return response;
    };

    await use(page);

    // After a failure the page is in whatever state the failure left it: auditing it would be noise.
    if (testInfo.status === testInfo.expectedStatus) {
      const report = await auditA11y(page);
      if (report) reports.push(report);
    }
    const failing = reports.filter((report) => report.violations.length > 0);
    if (failing.length > 0) throw new Error(formatA11yReports(failing));
  },
});

/** Logs in through the login form, the way a member does, and waits for the start page. */
export async function loginAs(page: Page, kvnr: string, password: string): Promise<void> {
  await test.step(
    `Anmelden als ${kvnr}`,
    async () => {
      await page.goto('/login');
      await page.getByLabel('Versichertennummer', { exact: true }).fill(kvnr);
      await page.getByLabel('Passwort', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/');
    },
    { box: true },
  );
}
