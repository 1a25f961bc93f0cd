import fs from 'node:fs';
import path from 'node:path';
import { expect, loginAs, test } from './fixtures';
import { createTestMember } from './test-api';

// "Not smart" answers alike on every smart page: the (smart) route group's gate, with the way to smart
// (basic member) or to identifying this browser (smart member, browser not bound). The pages are found
// on disk, so a new smart page is visited too. Route handlers and actions: tests/integration/auth/smart-guard.test.ts.
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const smartDir = path.join(process.cwd(), 'app', '(member)', '(smart)');

function smartPages(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return smartPages(full);
    if (entry.name !== 'page.tsx') return [];
    // Route groups are not in the URL; every dynamic segment gets a well-formed id (a fixed one: the
    // titles name the URLs and must be the same in every Playwright process).
    const segments = path.relative(smartDir, dir).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
    return [`/${segments.map((s) => (/^\[.*\]$/.test(s) ? NO_SUCH_ID : s)).join('/')}`];
  });
}

const pages = smartPages(smartDir);
// A few pages per test, so each stays well under the time limit (every visit is audited by axe).
const groups = Array.from({ length: Math.ceil(pages.length / 4) }, (_, i) => pages.slice(i * 4, i * 4 + 4));

test('the smart pages are found on disk', () => {
  expect(pages.length).toBeGreaterThanOrEqual(8);
});

for (const [index, group] of groups.entries()) {
  const smoke = index === 0 ? ' @smoke' : '';
  test(`a basic member sees "Diese Funktion gibt es mit smart" on ${group.join(', ')}${smoke}`, async ({ page }) => {
    const member = await createTestMember({ level: 'BASIC' });
    await loginAs(page, member.kvnr, member.password);
    for (const url of group) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 2, name: 'Diese Funktion gibt es mit smart' }), url).toBeVisible();
      await expect(page.getByRole('link', { name: 'Jetzt zu smart wechseln' }), url).toHaveAttribute('href', '/smart');
    }
  });

  test(`a smart member in a browser that is not bound is asked to identify it on ${group.join(', ')}`, async ({ page }) => {
    const member = await createTestMember({ level: 'SMART' });
    await loginAs(page, member.kvnr, member.password);
    for (const url of group) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 2, name: 'Bitte bestätigen Sie diesen Browser' }), url).toBeVisible();
      await expect(page.getByRole('link', { name: 'Browser jetzt identifizieren' }), url).toHaveAttribute('href', '/smart');
    }
  });
}
