// Benchmark (not a test): are the logged-in pages as fast as the framework allows? Run: npm run bench:pages
//
// Starts the portal from the existing production build on a fresh database with BENCH_ROUTES=1 (see
// portal.ts; or measures BENCH_URL), logs in as a smart demo member in a bound browser and prints, as
// ratios to a bare dynamic page of 30 items on the same server (app/bench/baseline, no session, no database):
//  1. requests per second and p99 latency of the Postfach and the Startseite (autocannon, BENCH_CONNECTIONS
//     connections; each route warmed up for BENCH_WARMUP_SECONDS, then BENCH_ROUNDS rounds of the baseline
//     and both pages for BENCH_SECONDS each; each round's page against that round's baseline, judged on the
//     median of the rounds' ratios, with every round's ratio and their mean printed beside it);
//  2. HTML size per page and SQL statements per page view (counted by the server under BENCH_ROUTES);
//  3. first-load JavaScript per page: the scripts the page's HTML loads, gzip-compressed, against the limits
//     (150 kB member pages, 165 kB form pages and the login);
//  4. a Postfach subject search without a hit for a member with 10,000 letters against one with 100
//     (listLetters on a database of its own with BENCH_SEARCH_LETTERS letters; PostgreSQL when
//     DATABASE_URL is set, otherwise an in-memory PGlite).
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { withAdmin, withDatabase } from '../../tests/setup/database-server';
import { BIG, medianTime, seedLetters, SMALL } from './letters';
import { CONNECTIONS, DEMO_SMART, loadRoute, loginAsSmartMember, median, PAGE_ROUTES, startPortal, warmUp, type PageRoute } from './portal';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const SEARCH_LETTERS = Number(process.env.BENCH_SEARCH_LETTERS ?? 50_000);

type Kind = 'member' | 'form';
const JS_LIMIT_KB: Record<Kind, number> = { member: 150, form: 165 };
/** Pages whose first-load JavaScript is checked; `cookie: false` pages are opened logged out. */
const JS_PAGES: { path: string; kind: Kind; cookie?: false }[] = [
  { path: '/login', kind: 'form', cookie: false },
  { path: '/registrieren', kind: 'form', cookie: false },
  { path: '/', kind: 'member' },
  { path: '/postfach', kind: 'member' },
  { path: '/nachrichten', kind: 'member' },
  { path: '/versicherung', kind: 'member' },
  { path: '/profil', kind: 'member' },
  { path: '/benachrichtigungen', kind: 'member' },
  { path: '/postfach/einreichen', kind: 'form' },
  { path: '/nachrichten/neu', kind: 'form' },
  { path: '/versicherung/bescheinigung', kind: 'form' },
  { path: '/profil/gesundheitskarte', kind: 'form' },
  { path: '/profil/sicherheit', kind: 'form' },
  { path: '/profil/daten', kind: 'form' },
  { path: '/profil/bankverbindungen', kind: 'form' },
  { path: '/mehr/technische-daten', kind: 'form' },
  { path: '/profil/einstellungen', kind: 'form' },
  { path: '/smart', kind: 'form' },
];

async function get(url: string, cookie?: string): Promise<string> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return body;
}

type Figures = { rps: number; p99: number };

async function load(baseURL: string, route: PageRoute, cookie: string): Promise<Figures> {
  const result = await loadRoute(baseURL, route, cookie, SECONDS);
  const failed = result.non2xx + result.errors + result.timeouts;
  // A busy machine can time requests out; say so next to the figures instead of printing none.
  if (failed > 0) console.warn(`    warning: ${route.path}: ${failed} of ${result.requests.total} requests failed (non-2xx ${result.non2xx}, timeouts ${result.timeouts})`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

async function sqlPerView(baseURL: string, path: string, cookie: string): Promise<number> {
  const count = async () => ((await (await fetch(`${baseURL}/bench/sql-count`)).json()) as { statements: number }).statements;
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const before = await count();
    await get(`${baseURL}${path}`, cookie);
    samples.push((await count()) - before);
  }
  return median(samples);
}

/**
 * The scripts a page's HTML loads (`<script src>`), fetched and gzip-compressed, in kB. Legacy polyfills
 * (`noModule`) are left out, as Next.js's own first-load figure does: modern browsers never load them.
 */
async function firstLoadJsKb(baseURL: string, html: string): Promise<number> {
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\snomodule/i.test(tag));
  const sources = [...new Set(tags.map((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1]).filter((src): src is string => Boolean(src)))];
  let bytes = 0;
  for (const src of sources) {
    const script = Buffer.from(await (await fetch(new URL(src.replaceAll('&amp;', '&'), baseURL))).arrayBuffer());
    bytes += zlib.gzipSync(script).length;
  }
  return bytes / 1000;
}

async function searchRatio(): Promise<{ big: number; small: number; where: string }> {
  const serverUrl = process.env.DATABASE_URL;
  let drop = async () => undefined as void;
  let where = 'in-memory PGlite';
  if (serverUrl) {
    const name = `bench_pages_${crypto.randomBytes(4).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}" TEMPLATE template0`);
    process.env.DATABASE_URL = withDatabase(serverUrl, name);
    drop = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    where = 'PostgreSQL';
  } else {
    process.env.PGLITE_DATA_DIR = 'memory://';
  }
  try {
    // Imported only now, so that lib/db opens the search benchmark's own database.
    const { prisma, disconnect } = await import('../../lib/db');
    const { applyMigrations } = await import('../../lib/db/migrate');
    const { listLetters } = await import('../../lib/mailbox/queries');
    try {
      await applyMigrations({ log: () => undefined });
      const { big, small } = await seedLetters(prisma, { total: SEARCH_LETTERS, otherMembers: Math.max(1, Math.floor((SEARCH_LETTERS - BIG - SMALL) / 100)) });
      const filter = { tab: 'inbox' as const, q: 'Zahnspange' };
      return { big: await medianTime(() => listLetters(big, filter)), small: await medianTime(() => listLetters(small, filter)), where };
    } finally {
      await disconnect();
    }
  } finally {
    await drop();
  }
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  await withAdmin(withDatabase(serverUrl, 'postgres'), (client) => client.query(sql));
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER GOAL');

async function main(): Promise<number> {
  const portal = await startPortal();
  let goalsMet = true;
  try {
    const { baseURL } = portal;
    const cookie = await loginAsSmartMember(baseURL, DEMO_SMART);
    const cookieFor = (route: PageRoute) => (route.member ? cookie : undefined);
    for (const route of PAGE_ROUTES) for (let i = 0; i < 20; i++) await get(`${baseURL}${route.path}`, cookieFor(route));
    // Warmed up under load first (the first seconds run before V8 has optimised the render path), then
    // measured in rounds of all three routes, so that a machine that speeds up or slows down meanwhile
    // shifts the baseline and the pages alike.
    await warmUp(baseURL, cookie, WARMUP_SECONDS);
    const [baselineRoute, postfachRoute, homeRoute] = PAGE_ROUTES;
    const rounds: { baseline: Figures; postfach: Figures; home: Figures }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const baseline = await load(baseURL, baselineRoute, cookie);
      const postfach = await load(baseURL, postfachRoute, cookie);
      const home = await load(baseURL, homeRoute, cookie);
      rounds.push({ baseline, postfach, home });
    }
    // Each round's page is compared with the baseline of the same round, and the goal is judged on the median
    // of those ratios: the machine here stalls now and then for half a second, and a stall lands in whichever
    // round it hits, where it makes that round's p99 (a mean over the rounds let one such round decide).
    const ratios = (pick: (round: (typeof rounds)[number]) => Figures, figure: keyof Figures) => rounds.map((r) => pick(r)[figure] / r.baseline[figure]);
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const baselineRps = rounds.map((r) => r.baseline.rps);
    const baselineP99 = rounds.map((r) => r.baseline.p99);

    console.log(`\nPortal on ${portal.database}; autocannon -c ${CONNECTIONS}, ${WARMUP_SECONDS} s warm-up per route, then ${ROUNDS} rounds of ${SECONDS} s per route, logged in as a smart member.`);
    console.log('\n(1) Load, as a ratio to the bare baseline page of the same round (goal: rps ≥ 0.5×, p99 ≤ 2×), median over the rounds');
    console.log(`    Baseline    ${median(baselineRps).toFixed(0)} req/s, p99 ${median(baselineP99).toFixed(0)} ms (rounds: ${baselineRps.map((v) => v.toFixed(0)).join(', ')} req/s; p99 ${baselineP99.map((v) => v.toFixed(0)).join(', ')} ms)`);
    for (const [name, key] of [['Postfach', 'postfach'], ['Startseite', 'home']] as const) {
      const rps = ratios((r) => r[key], 'rps');
      const p99 = ratios((r) => r[key], 'p99');
      const ok = median(rps) >= 0.5 && median(p99) <= 2;
      goalsMet &&= ok;
      const list = (values: number[]) => values.map((v) => v.toFixed(2)).join(', ');
      console.log(`    ${name.padEnd(11)} ${median(rounds.map((r) => r[key].rps)).toFixed(0)} req/s: ${ratio(median(rps), 1)} (rounds ${list(rps)}; mean ${ratio(mean(rps), 1)}), p99 ${ratio(median(p99), 1)} (rounds ${list(p99)}; mean ${ratio(mean(p99), 1)})  ${verdict(ok)}`);
    }

    console.log('\n(2) One page view: HTML size and SQL statements');
    for (const route of PAGE_ROUTES) {
      const html = await get(`${baseURL}${route.path}`, cookieFor(route));
      const sql = await sqlPerView(baseURL, route.path, cookie);
      console.log(`    ${`${route.name} (${route.path})`.padEnd(28)} ${(Buffer.byteLength(html) / 1000).toFixed(1).padStart(6)} kB HTML, ${sql} SQL statements`);
    }

    console.log('\n(3) First-load JavaScript, gzip (goal: ≤ 150 kB member pages, ≤ 165 kB form pages and the login)');
    const baselineJs = await firstLoadJsKb(baseURL, await get(`${baseURL}/bench/baseline`));
    console.log(`    ${'/bench/baseline'.padEnd(28)} ${baselineJs.toFixed(1).padStart(6)} kB`);
    for (const page of JS_PAGES) {
      const kb = await firstLoadJsKb(baseURL, await get(`${baseURL}${page.path}`, page.cookie === false ? undefined : cookie));
      const ok = kb <= JS_LIMIT_KB[page.kind];
      goalsMet &&= ok;
      console.log(`    ${page.path.padEnd(28)} ${kb.toFixed(1).padStart(6)} kB  (${page.kind}, ≤ ${JS_LIMIT_KB[page.kind]})  ${verdict(ok)}`);
    }
  } finally {
    await portal.stop();
  }

  const search = await searchRatio();
  const ok = search.big / search.small <= 1.5;
  goalsMet &&= ok;
  console.log(`\n(4) Postfach search without a hit (${search.where}, ${SEARCH_LETTERS.toLocaleString('en')} letters), goal ≤ 1.5×`);
  console.log(`    ${BIG.toLocaleString('en')} letters ${search.big.toFixed(2)} ms, ${SMALL} letters ${search.small.toFixed(2)} ms: ${ratio(search.big, search.small)}  ${verdict(ok)}`);
  console.log(goalsMet ? '\nAll goals met.' : '\nSome goals are not met (see above).');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
