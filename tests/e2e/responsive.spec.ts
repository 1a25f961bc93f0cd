import type { Browser, BrowserContext, Page } from '@playwright/test';
import { DEMO_SMART } from './demo-members';
import { checkA11y, expect, loginAs, test } from './fixtures';
import { identifyThisBrowser } from './identity-helpers';
import { staffLogsIn } from './admin-helpers';

// Every page at the width it is opened with (the mobile project: 360 px; desktop: 1280 px): it answers,
// nothing makes the page scroll sideways (a wide table scrolls in its own box), and axe finds nothing.
// The member pages are opened as the demo smart member in a bound browser, so that the smart pages show
// their content, not their gate; pages with an id are reached through the list that links to them.
// What each page does is the other specs' business. One browser context per group, bound once.

const PUBLIC_PAGES = ['/login', '/registrieren', '/leichte-sprache', '/impressum', '/datenschutz', '/barrierefreiheit', '/admin/login'];
const MEMBER_PAGES = [
  '/',
  '/postfach',
  '/postfach/einreichen',
  '/nachrichten',
  '/nachrichten/neu',
  '/versicherung',
  '/versicherung/bescheinigung',
  '/antraege',
  '/downloadcenter',
  '/benachrichtigungen',
  '/profil',
  '/profil/daten',
  '/profil/bankverbindungen',
  '/profil/gesundheitskarte',
  '/profil/sicherheit',
  '/profil/einstellungen',
  '/profil/meine-daten',
  '/profil/zugriffsprotokoll',
  '/smarthealth',
  '/mehr',
  '/mehr/technische-daten',
  '/mehr/support',
  '/mehr/aumio',
  '/mehr/babycare',
  '/smart',
];
const ADMIN_PAGES = ['/admin', '/admin/nachrichten', '/admin/post', '/admin/gesundheitskarten', '/admin/ansichten', '/admin/protokoll', '/admin/mitarbeitende'];

/** Fails when the page is wider than the window: a member on a phone would have to scroll sideways. */
async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
  expect(widths.page, `${label}: page ${widths.page} px wide in a ${widths.window} px window`).toBeLessThanOrEqual(widths.window);
}

async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await expectNoSidewaysScroll(page, path);
  await checkA11y(page);
}

/** The first link on the page whose href matches, opened; its path is returned. */
async function followFirst(page: Page, href: RegExp, label: string): Promise<string> {
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const target = hrefs.find((h) => href.test(h));
  expect(target, `${label}: a link matching ${href} on ${page.url()}`).toBeDefined();
  await visit(page, target!);
  return target!;
}

async function boundMemberContext(browser: Browser, use: { viewport: { width: number; height: number } | null; isMobile?: boolean; userAgent?: string }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: use.viewport, isMobile: use.isMobile, userAgent: use.userAgent, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  await loginAs(page, DEMO_SMART.kvnr, DEMO_SMART.password);
  await identifyThisBrowser(page);
  return { context, page };
}

test.describe('@mobile every page fits the window', () => {
  test.describe.configure({ mode: 'serial' });
  let context: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ browser }, testInfo) => {
    testInfo.setTimeout(60_000);
    const use = testInfo.project.use;
    ({ context, page } = await boundMemberContext(browser, { viewport: use.viewport ?? null, isMobile: use.isMobile, userAgent: use.userAgent }));
  });
  test.afterAll(async () => {
    await context?.close();
  });

  test('the public pages', async ({ browser }, testInfo) => {
    const use = testInfo.project.use;
    const anonymous = await browser.newContext({ viewport: use.viewport ?? null, isMobile: use.isMobile, userAgent: use.userAgent, locale: 'de-DE' });
    try {
      const visitor = await anonymous.newPage();
      for (const path of PUBLIC_PAGES) await visit(visitor, path);
    } finally {
      await anonymous.close();
    }
  });

  // Six pages per test: each test stays well under the time limit on a busy machine.
  const groups = Array.from({ length: Math.ceil(MEMBER_PAGES.length / 6) }, (_, i) => MEMBER_PAGES.slice(i * 6, i * 6 + 6));
  for (const group of groups) {
    test(`member pages ${group.join(', ')}`, async () => {
      for (const path of group) await visit(page, path);
    });
  }

  test('member pages with an id: a letter and its reply', async () => {
    await visit(page, '/postfach');
    const letter = await followFirst(page, /^\/postfach\/[0-9a-f-]{36}$/, 'Postfach');
    await visit(page, `${letter}/antworten`);
  });

  test('member pages with an id: a conversation, a case, an application form', async () => {
    await visit(page, '/nachrichten');
    await followFirst(page, /^\/nachrichten\/[0-9a-f-]{36}$/, 'Messenger');
    await visit(page, '/antraege');
    await followFirst(page, /^\/antraege\/[0-9a-f-]{36}$/, 'Anträge');
    await visit(page, '/antraege');
    await followFirst(page, /^\/antraege\/neu\/[^/]+$/, 'Anträge');
  });
});

test('@mobile the staff console fits the window', async ({ page }) => {
  await staffLogsIn(page, 'ADMINISTRATOR');
  for (const path of ADMIN_PAGES.slice(0, 4)) {
    await page.goto(path);
    await expectNoSidewaysScroll(page, path);
  }
});

test('@mobile the staff console fits the window: the remaining queues and a member overview', async ({ page }) => {
  await staffLogsIn(page, 'ADMINISTRATOR');
  for (const path of ADMIN_PAGES.slice(4)) {
    await page.goto(path);
    await expectNoSidewaysScroll(page, path);
  }
  await page.goto(`/admin?q=${DEMO_SMART.kvnr}`);
  await page.locator('main a[href^="/admin/mitglieder/"]').first().click();
  await page.waitForURL(/\/admin\/mitglieder\//);
  await expectNoSidewaysScroll(page, 'member overview');
});
