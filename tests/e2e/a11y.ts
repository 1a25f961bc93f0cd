import AxeBuilder from '@axe-core/playwright';
import { test, type Page } from '@playwright/test';

// WCAG 2.1 levels A and AA: what BITV 2.0 (through EN 301 549) asks of a statutory health insurer's portal.
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const NODES_SHOWN_PER_RULE = 5;

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];
export type A11yReport = { url: string; violations: Violation[] };

/** Runs axe on the page as it is now; undefined when it shows no HTML document (about:blank, a PDF). */
export async function auditA11y(page: Page): Promise<A11yReport | undefined> {
  return test.step(`axe: ${pathOf(page.url())}`, () => runAxe(page), { box: true });
}

/** Fails at once if the page, in its current state, violates WCAG 2.1 A/AA as far as axe can tell. */
export async function checkA11y(page: Page): Promise<void> {
  await test.step(
    `axe: ${pathOf(page.url())}`,
    async () => {
      const report = await runAxe(page);
      if (report && report.violations.length > 0) throw new Error(formatA11yReports([report]));
    },
    { box: true },
  );
}

async function runAxe(page: Page): Promise<A11yReport | undefined> {
  for (let attempt = 1; ; attempt++) {
    if (page.isClosed() || page.url() === 'about:blank') return undefined;
    try {
      if ((await page.evaluate(() => document.contentType)) !== 'text/html') return undefined;
      // Next.js streams a page's metadata after its body: after a client-side navigation the new <title> can
      // arrive after the heading a test waited for. Give it a moment; a title that never comes is still
      // reported by axe (document-title).
      await page.waitForFunction(() => document.title.trim() !== '', null, { timeout: 5000 }).catch(() => undefined);
      // Legacy mode runs axe inside the page instead of opening a blank page per audit to merge frame
      // results: faster (0.5 s instead of 0.85 s per audit here), and no stray pages in the test's
      // context. What it gives up, cross-origin frames, the portal does not have (its CSP allows frames
      // from 'self' and blob: only).
      const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).setLegacyMode().analyze();
      return { url: page.url(), violations: results.violations };
    } catch (error) {
      // A navigation the test set off may still be under way: audit the page it arrives at.
      if (attempt > 1 || !/Execution context was destroyed|navigat/i.test(String(error))) throw error;
      await page.waitForLoadState();
    }
  }
}

/**
 * What makes two visits the same page for the audit: the route with ids replaced, the query's names and
 * short values, the language, the width, and the count of landmarks, regions, alerts, dialogs and
 * invalid fields shown. Undefined when the page cannot be read (still navigating, no HTML): then it is
 * audited.
 */
export async function pageStateKey(page: Page): Promise<string | undefined> {
  try {
    const shape = await page.evaluate(() => {
      const count = (selector: string) => document.querySelectorAll(selector).length;
      return [
        document.contentType,
        document.documentElement.lang,
        window.innerWidth,
        count('header, nav, main, footer, aside, [role=region], section[aria-label], section[aria-labelledby]'),
        count('[role=alert], [role=status]:not(:empty)'),
        count('dialog[open], [role=dialog]'),
        count('[aria-invalid=true]'),
      ].join('|');
    });
    const url = new URL(page.url());
    const route = url.pathname
      .split('/')
      .map((segment) => (/^[0-9a-f-]{36}$|^\d+$|^[A-Za-z0-9_-]{20,}$/i.test(segment) ? ':id' : segment))
      .join('/');
    const query = [...url.searchParams.entries()]
      .map(([name, value]) => `${name}=${value.length > 24 ? ':v' : value}`)
      .sort()
      .join('&');
    return `${route}?${query}|${shape}`;
  } catch {
    return undefined;
  }
}

export function formatA11yReports(reports: A11yReport[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const { url, violations } of reports) {
    const pageLines: string[] = [];
    for (const violation of violations) {
      const targets = violation.nodes.map((node) => node.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' '));
      // The same finding on the same page, audited twice in one test, is reported once.
      const key = `${url}|${violation.id}|${targets.join('|')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pageLines.push(`  [${violation.impact ?? 'impact unknown'}] ${violation.id}: ${violation.help}`, `    ${violation.helpUrl}`);
      violation.nodes.slice(0, NODES_SHOWN_PER_RULE).forEach((node, index) => {
        pageLines.push(`    - ${targets[index]}   ${node.html.replace(/\s+/g, ' ').slice(0, 120)}`);
        for (const line of (node.failureSummary ?? '').split('\n')) if (line.trim()) pageLines.push(`        ${line.trim()}`);
      });
      if (violation.nodes.length > NODES_SHOWN_PER_RULE) {
        pageLines.push(`    … and ${violation.nodes.length - NODES_SHOWN_PER_RULE} more elements`);
      }
    }
    if (pageLines.length > 0) lines.push(`${url}`, ...pageLines);
  }
  return `Accessibility violations (axe, WCAG 2.1 A/AA):\n${lines.join('\n')}`;
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}
