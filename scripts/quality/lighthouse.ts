// Lighthouse (pinned 12.2.3; Chromium from Debian) in its mobile preset on the login page, the Startseite
// and the Postfach: accessibility must be 100 and best practices at least 95. Run: npm run quality:lighthouse
//
// Starts the portal from the existing production build on a fresh database (bench/portal.ts; or audits
// BENCH_URL), logs in as the smart demo member in a bound browser, and hands that session's cookie to
// Lighthouse for the member pages. Prints each page's scores and every audit that lost points; exits 1 when
// a page misses a threshold.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromiumExecutablePath } from '../../tests/e2e/chromium.mjs';
import { loginAsSmartMember, startPortal } from '../bench/portal';

const DEMO_SMART = 'S100000013';
const PAGES: { path: string; member: boolean }[] = [
  { path: '/login', member: false },
  { path: '/', member: true },
  { path: '/postfach', member: true },
];
const THRESHOLDS = { accessibility: 100, 'best-practices': 95 } as const;

type Report = {
  finalDisplayedUrl?: string;
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<string, { title: string; score: number | null; details?: { items?: { issueType?: string; subItems?: { items?: unknown[] } }[] } } | undefined>;
};

/**
 * Lighthouse's own CLI in a process of its own: it sends its functions into the page as source text, which
 * this script's TypeScript loader would have rewritten (esbuild's `__name` helper does not exist there).
 */
async function audit(url: string, cookie?: string): Promise<Report> {
  const cli = path.join(process.cwd(), 'node_modules', 'lighthouse', 'cli', 'index.js');
  const args = [
    cli,
    url,
    `--only-categories=${Object.keys(THRESHOLDS).join(',')}`,
    '--output=json',
    '--output-path=stdout',
    '--quiet',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run',
  ];
  if (cookie) args.push(`--extra-headers=${JSON.stringify({ Cookie: cookie })}`);
  const { stdout } = await promisify(execFile)(process.execPath, args, { env: { ...process.env, CHROME_PATH: chromiumExecutablePath() }, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as Report;
}

async function main() {
  const portal = process.env.BENCH_URL ? null : await startPortal();
  const baseURL = process.env.BENCH_URL ?? portal!.baseURL;
  let failed = false;
  try {
    const cookie = await loginAsSmartMember(baseURL, DEMO_SMART);
    console.log(`Lighthouse 12.2.3, mobile preset, ${baseURL}`);
    for (const page of PAGES) {
      const lhr = await audit(`${baseURL}${page.path}`, page.member ? cookie : undefined);
      if (lhr.finalDisplayedUrl && new URL(lhr.finalDisplayedUrl).pathname !== page.path) throw new Error(`${page.path} ended on ${lhr.finalDisplayedUrl}: not logged in?`);
      const scores = Object.entries(THRESHOLDS).map(([id, min]) => {
        const score = Math.round((lhr.categories[id]?.score ?? 0) * 100);
        if (score < min) failed = true;
        return `${id} ${score}${score < min ? ` (below ${min})` : ''}`;
      });
      console.log(`  ${page.path.padEnd(10)} ${scores.join(', ')}`);
      for (const id of Object.keys(THRESHOLDS)) {
        for (const ref of lhr.categories[id]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (!(ref.weight > 0 && audit && audit.score !== null && audit.score < 1)) continue;
          console.log(`      ${id}: ${ref.id} – ${audit.title}`);
          for (const item of audit.details?.items ?? []) console.log(`        ${JSON.stringify(item).slice(0, 400)}`);
        }
      }
    }
  } finally {
    await portal?.stop();
  }
  console.log(failed ? 'RESULT: a page missed a threshold' : 'RESULT: ok (accessibility 100, best practices ≥ 95 on every page)');
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
