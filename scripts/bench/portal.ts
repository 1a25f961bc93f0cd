// Shared by the benchmarks that measure a running portal (certificates.ts and the page benchmarks pages.ts,
// cpu-pages.ts, profile-pages.ts): start `next start` from the existing production build on a fresh database
// with BENCH_ROUTES=1, log in as a demo member, and put the compared pages under load.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { chromium } from 'playwright';
import {
  createTestDatabase,
  databaseEnv,
  describeDatabase,
  dropTestDatabase,
  findFreePort,
  runNpmScript,
  startNextServer,
  stopNextServer,
  waitUntilAnswering,
  type TestDatabase,
} from '../../tests/e2e/test-portal';
import { chromiumExecutablePath } from '../../tests/e2e/chromium.mjs';
import { identifyThisBrowser } from '../../tests/e2e/identity-helpers';

export const DEMO_PASSWORD = 'Demo-Passwort-2026';
/** The demo smart member the page benchmarks log in as (prisma/seed). */
export const DEMO_SMART = 'S100000013';
/** autocannon's connections for every page benchmark. */
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

/** The pages issue 14's speed goal compares: the bare baseline (no session, no database) and two member pages. */
export const PAGE_ROUTES = [
  { name: 'Baseline', path: '/bench/baseline', member: false },
  { name: 'Postfach', path: '/postfach', member: true },
  { name: 'Startseite', path: '/', member: true },
] as const;
export type PageRoute = (typeof PAGE_ROUTES)[number];

/** One route under load for `seconds` (a member page with the session cookie). */
export function loadRoute(baseURL: string, route: PageRoute, cookie: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url: `${baseURL}${route.path}`, connections: CONNECTIONS, duration: seconds, timeout: 30, headers: route.member ? { cookie } : {} });
}

/** Every route under load in turn, `seconds` each: the first seconds run before V8 has optimised the render path. */
export async function warmUp(baseURL: string, cookie: string, seconds = 5): Promise<void> {
  for (const route of PAGE_ROUTES) await loadRoute(baseURL, route, cookie, seconds);
}

/** `pid`: the server's process when this script started it (not for BENCH_URL). */
export type Portal = { baseURL: string; token: string; database: string; pid?: number; stop: () => Promise<void> };

/**
 * The portal at BENCH_URL (started with BENCH_ROUTES=1 and TEST_API_TOKEN), or a new one from the production
 * build on a fresh database (PGlite, or a new database on DATABASE_URL's server), migrated and seeded.
 */
export async function startPortal(extraEnv: Record<string, string> = {}, options: { nodeArgs?: string[] } = {}): Promise<Portal> {
  const external = process.env.BENCH_URL;
  if (external) {
    const token = process.env.TEST_API_TOKEN;
    if (!token) throw new Error('BENCH_URL needs TEST_API_TOKEN, the token that portal was started with.');
    assertLoopback(external);
    return { baseURL: external.replace(/\/$/, ''), token, database: 'as started', stop: async () => undefined };
  }
  const root = process.cwd();
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('No production build: run `npm run build` first.');
  const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hek-bench-')), 'portal.log');
  const database: TestDatabase = await createTestDatabase();
  const port = await findFreePort(Number(process.env.BENCH_PORT ?? 3300));
  const baseURL = `http://127.0.0.1:${port}`;
  const token = crypto.randomBytes(32).toString('hex');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...databaseEnv(database),
    APP_URL: baseURL,
    NEXTAUTH_URL: baseURL,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    TEST_API_TOKEN: token,
    BENCH_ROUTES: '1',
    // The demo member's browser is identified through the simulated providers, as in the e2e tests.
    IDP_SIMULATORS: 'on',
    PORT: String(port),
    ...extraEnv,
  };
  console.log(`Starting the portal at ${baseURL} on ${describeDatabase(database)} (log: ${logFile}) …`);
  await runNpmScript('db:migrate', { cwd: root, env, logFile });
  await runNpmScript('db:seed', { cwd: root, env, logFile });
  const server = startNextServer({ cwd: root, env, port, logFile, nodeArgs: options.nodeArgs });
  await waitUntilAnswering(`${baseURL}/login`, server, logFile, 60_000);
  return {
    baseURL,
    token,
    database: describeDatabase(database),
    pid: server.pid,
    stop: async () => {
      if (server.pid) await stopNextServer(server.pid);
      await dropTestDatabase(database);
    },
  };
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(host)) throw new Error(`The benchmark only runs against loopback, not ${host}.`);
}

/**
 * Logs in as a demo smart member in Chromium and identifies that browser (smart features need a bound
 * browser), then hands the session cookie to plain HTTP requests: the session itself is now verified.
 */
export async function loginAsSmartMember(baseURL: string, kvnr: string): Promise<string> {
  const browser = await chromium.launch({ executablePath: chromiumExecutablePath(), args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const context = await browser.newContext({ baseURL, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Versichertennummer', { exact: true }).fill(kvnr);
    await page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await identifyThisBrowser(page);
    const cookies = await context.cookies();
    return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  } finally {
    await browser.close();
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
