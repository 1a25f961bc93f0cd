import type { Browser, BrowserContext, Page } from '@playwright/test';
import { openConversation, staffLogsIn } from './admin-helpers';
import { buildPages, isDynamic, urlOf, type Entry } from './build-routes';
import { DEMO_SMART } from './demo-members';
import { checkA11y, expect, loginAs, test } from './fixtures';
import { identifyThisBrowser, passRoboIdent } from './identity-helpers';
import { createTestMember, testApi } from './test-api';

// Every page of the production build (its own manifest, build-routes.ts: a new page cannot be missed),
// in German and in English, at the width the project opens it with (mobile: 360 px; desktop: 1280 px):
// it answers, nothing makes the page scroll sideways (a wide table scrolls in its own box), the page is
// in the language asked for, and axe finds nothing. Member pages are opened as the demo smart member in a
// bound browser, so that smart pages show their content, not their gate; a page with an id is reached
// through the page that links to it (REACHED), and the first test fails for a page nobody reaches.
// What each page does is the other specs' business. One browser context per group, logged in once.
//
// The English walk runs at 360 px only (tagged @phone-only, which the desktop project leaves out): a
// language changes the words, and the narrow window is where longer words would push a page wider; the
// desktop layout is walked in German. The groups below run in parallel on CI's two workers; only the
// member pages, which share one logged-in context, run in order.
test.describe.configure({ mode: 'parallel' });

/** Pages the walk does not open, each with the reason. */
const NOT_WALKED: Record<string, string> = {
  '/bench/baseline': 'the benchmark’s bare framework page (scripts/bench/pages.ts): no member or staff sees it',
  '/dev/outbox': 'the demo’s mail viewer: a 404 unless DEMO_MAIL_VIEW=1 (npm run demo), never in a deployment',
};

/** The pages with an id, each opened by one of the tests below through the page that links to it. */
const REACHED = [
  '/(member)/(smart)/postfach/[id]',
  '/(member)/(smart)/postfach/[id]/antworten',
  '/(member)/(smart)/nachrichten/[id]',
  '/(member)/(smart)/antraege/[id]',
  '/(member)/(smart)/antraege/neu/[kind]',
  '/(idp)/idp/[provider]/flow/[transaction]',
  '/(member)/(smart)/profil/gesundheitskarte/drucken/[id]',
  '/(member)/mehr/support/[id]',
  '/admin/(console)/mitglieder/[id]',
  '/admin/(console)/nachrichten/[id]',
];

const LANGUAGES = ['de', 'en'] as const;
type Language = (typeof LANGUAGES)[number];

const pages = buildPages().filter((p) => !(urlOf(p.route) in NOT_WALKED));
const fixed = (kinds: Entry['kind'][]) => pages.filter((p) => kinds.includes(p.kind) && !isDynamic(p.route)).map((p) => urlOf(p.route));
const PUBLIC_PAGES = fixed(['public']);
const MEMBER_PAGES = fixed(['member', 'smart']);
const ADMIN_PAGES = fixed(['staff']);

/**
 * Six pages per test: at 360 px each page is checked for its language, sideways scroll and axe, a few
 * seconds each, and a walk of the whole console took a minute under CI's two workers on a busy machine,
 * against a limit of one.
 */
const groupsOf = (paths: string[], size = 6) => Array.from({ length: Math.ceil(paths.length / size) }, (_, i) => paths.slice(i * size, i * size + size));

/** Fails when the page is wider than the window: a member on a phone would have to scroll sideways. */
async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
  expect(widths.page, `${label}: page ${widths.page} px wide in a ${widths.window} px window`).toBeLessThanOrEqual(widths.window);
}

/** The page as it is now: in the language asked for, no sideways scroll, nothing for axe. */
async function inspect(page: Page, language: Language, label: string): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.lang), `${label}: language`).toBe(language);
  await expectNoSidewaysScroll(page, label);
  await checkA11y(page);
}

async function visit(page: Page, language: Language, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await inspect(page, language, path);
}

/** The first link on the page whose href matches, opened; its path is returned. */
async function followFirst(page: Page, language: Language, href: RegExp, label: string): Promise<string> {
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const target = hrefs.find((h) => href.test(h));
  expect(target, `${label}: a link matching ${href} on ${page.url()}`).toBeDefined();
  await visit(page, language, target!);
  return target!;
}

type Use = { viewport?: { width: number; height: number } | null; isMobile?: boolean; userAgent?: string };

function newContext(browser: Browser, use: Use): Promise<BrowserContext> {
  return browser.newContext({ viewport: use.viewport ?? null, isMobile: use.isMobile, userAgent: use.userAgent, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
}

/** The portal's language switch is a cookie: the helpers log in in German, then the walk switches. */
async function speak(context: BrowserContext, language: Language): Promise<void> {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is set by the e2e global setup.');
  await context.addCookies([{ name: 'NEXT_LOCALE', value: language, url }]);
}

test('the walk reaches every page of the build', () => {
  expect(MEMBER_PAGES.length, 'the manifest lists the member pages').toBeGreaterThanOrEqual(20);
  const dynamic = pages.filter((p) => isDynamic(p.route)).map((p) => p.route);
  expect(dynamic.filter((route) => !REACHED.includes(route)), 'pages with an id that no test below opens').toEqual([]);
  expect(REACHED.filter((route) => !dynamic.includes(route)), 'REACHED names a page the build no longer has').toEqual([]);
});

for (const language of LANGUAGES) {
  test.describe(`@mobile every page, ${language === 'de' ? 'German' : 'English @phone-only'}`, () => {
    for (const group of groupsOf(PUBLIC_PAGES)) {
      test(`public pages ${group.join(', ')}`, async ({ browser }, testInfo) => {
        const anonymous = await newContext(browser, testInfo.project.use);
        try {
          await speak(anonymous, language);
          const visitor = await anonymous.newPage();
          for (const path of group) await visit(visitor, language, path);
        } finally {
          await anonymous.close();
        }
      });
    }

    test.describe('as the demo member', () => {
      test.describe.configure({ mode: 'serial' });
      let context: BrowserContext;
      let page: Page;

      test.beforeAll(async ({ browser }, testInfo) => {
        testInfo.setTimeout(60_000);
        context = await newContext(browser, testInfo.project.use);
        page = await context.newPage();
        await loginAs(page, DEMO_SMART.kvnr, DEMO_SMART.password);
        await identifyThisBrowser(page);
        await speak(context, language);
      });
      test.afterAll(async () => {
        await context?.close();
      });

      for (const group of groupsOf(MEMBER_PAGES)) {
        test(`member pages ${group.join(', ')}`, async () => {
          for (const path of group) await visit(page, language, path);
        });
      }

      test('member pages with an id: a letter and its reply, a conversation, a case, an application form', async () => {
        await visit(page, language, '/postfach');
        const letter = await followFirst(page, language, /^\/postfach\/[0-9a-f-]{36}$/, 'Postfach');
        await visit(page, language, `${letter}/antworten`);
        await visit(page, language, '/nachrichten');
        await followFirst(page, language, /^\/nachrichten\/[0-9a-f-]{36}$/, 'Messenger');
        await visit(page, language, '/antraege');
        await followFirst(page, language, /^\/antraege\/[0-9a-f-]{36}$/, 'Anträge');
        await visit(page, language, '/antraege');
        await followFirst(page, language, /^\/antraege\/neu\/[^/]+$/, 'Anträge');
      });
    });

    test("a new member's pages with an id: the identification at the provider, a health card's print view, a support message", async ({ browser }, testInfo) => {
      const member = await createTestMember({ level: 'BASIC' });
      const own = await newContext(browser, testInfo.project.use);
      try {
        const p = await own.newPage();
        await loginAs(p, member.kvnr, member.password);
        await p.goto('/smart');
        await p.getByRole('radio', { name: /Robo-Ident/ }).check();
        await p.getByRole('checkbox', { name: /Datenschutzerklärung/ }).check();
        await p.getByRole('button', { name: 'Weiter zu Nect Wallet' }).click();
        await p.waitForURL(/\/idp\/nect\/flow\//);
        // The simulated Nect Wallet stands in for the provider's own app, which speaks German.
        await inspect(p, 'de', 'identification at the provider');
        await passRoboIdent(p);
        await p.waitForURL((url) => url.pathname === '/smart/abschluss');
        await expect(p.getByText('Dieser Browser ist jetzt für smart freigeschaltet.')).toBeVisible();

        // A health card and a support message of their own, made in German; their pages in the language.
        await p.goto('/profil/gesundheitskarte');
        await p.getByRole('button', { name: 'Digitale Gesundheitskarte anfordern' }).click();
        // The request is stored before the back office is told to finish it.
        await expect(p.getByText('Ihre digitale Gesundheitskarte wurde angefordert.')).toBeVisible();
        await testApi('POST', '/api/test/health-card', { memberId: member.memberId });
        const print = p.getByRole('link', { name: 'Druckansicht' });
        await expect(print).toBeVisible({ timeout: 15_000 });
        const printPath = await print.getAttribute('href');
        await p.goto('/mehr/technische-daten');
        await p.getByLabel('Betreff').fill('Rundgang');
        await p.getByLabel('Ihre Nachricht').fill('Eine Nachricht für den Rundgang.');
        await p.getByRole('button', { name: 'Nachricht senden' }).click();
        const sent = p.getByRole('link', { name: 'Gesendete Nachricht ansehen' });
        await expect(sent).toBeVisible();
        const supportPath = await sent.getAttribute('href');

        await speak(own, language);
        expect(printPath).toMatch(/^\/profil\/gesundheitskarte\/drucken\/[0-9a-f-]{36}$/);
        await visit(p, language, printPath!);
        expect(supportPath).toMatch(/^\/mehr\/support\/[0-9a-f-]{36}$/);
        await visit(p, language, supportPath!);
      } finally {
        await own.close();
      }
    });

    for (const group of groupsOf(ADMIN_PAGES)) {
      test(`staff console pages ${group.join(', ')}`, async ({ page: staffPage }) => {
        await staffLogsIn(staffPage, 'ADMINISTRATOR');
        await speak(staffPage.context(), language);
        for (const path of group) await visit(staffPage, language, path);
      });
    }

    test('the staff console: a member overview and a conversation', async ({ page: staffPage }) => {
      const member = await createTestMember({ level: 'SMART' });
      await openConversation(member.memberId);
      await staffLogsIn(staffPage, 'ADMINISTRATOR');
      await speak(staffPage.context(), language);
      await visit(staffPage, language, `/admin?q=${member.kvnr}`);
      await followFirst(staffPage, language, /^\/admin\/mitglieder\/[0-9a-f-]{36}$/, 'Mitglied suchen');
      await visit(staffPage, language, '/admin/nachrichten');
      await followFirst(staffPage, language, /^\/admin\/nachrichten\/[0-9a-f-]{36}$/, 'Messenger');
    });
  });
}
