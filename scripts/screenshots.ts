// Screenshots of what a member sees, for reviews and the closing note:
//
//   npm run build && npm run screenshots        (SCREENSHOT_PORT=3150 to choose the first port tried)
//
// Starts the production build on a fresh database (PostgreSQL when DATABASE_URL names a server, else
// embedded PGlite) with the demo data, logs in as the demo member Anna Schmidt, identifies the browser at
// the simulated Nect Wallet, and writes PNGs of the Startseite, the Postfach, a letter and the
// Versicherung page at 360 px (a phone) and 1280 px into docs/screenshots/.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { chromiumExecutablePath } from '../tests/e2e/chromium.mjs';
import {
  createTestDatabase,
  databaseEnv,
  dropTestDatabase,
  findFreePort,
  runNpmScript,
  startNextServer,
  stopNextServer,
  waitUntilAnswering,
} from '../tests/e2e/test-portal';

const root = process.cwd();
const outDir = path.join(root, 'docs', 'screenshots');
const demo = { kvnr: 'S100000013', password: 'Demo-Passwort-2026' };
const viewports = [
  { name: 'phone', width: 360, height: 740, isMobile: true, deviceScaleFactor: 2 },
  { name: 'desktop', width: 1280, height: 800, isMobile: false, deviceScaleFactor: 1 },
] as const;

async function identify(page: Page): Promise<void> {
  await page.goto('/smart');
  await page.getByRole('radio', { name: /Robo-Ident/ }).check();
  await page.getByRole('checkbox', { name: /Datenschutzerklärung/ }).check();
  await page.getByRole('button', { name: 'Weiter zu Nect Wallet' }).click();
  await page.waitForURL(/\/idp\/nect\/flow\//);
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  for (const step of ['Video simulieren', 'Foto simulieren', 'Selfie-Video simulieren', 'Prüfung abschließen']) await page.getByRole('button', { name: step }).click();
  await page.waitForURL((url) => url.pathname === '/smart/abschluss');
  await page.getByText('Dieser Browser ist jetzt für smart freigeschaltet.').waitFor();
}

async function shoot(browser: Browser, baseURL: string): Promise<string[]> {
  const written: string[] = [];
  for (const viewport of viewports) {
    const context = await browser.newContext({
      baseURL,
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
      viewport: { width: viewport.width, height: viewport.height },
      isMobile: viewport.isMobile,
      hasTouch: viewport.isMobile,
      deviceScaleFactor: viewport.deviceScaleFactor,
    });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Versichertennummer', { exact: true }).fill(demo.kvnr);
    await page.getByLabel('Passwort', { exact: true }).fill(demo.password);
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await identify(page);
    const save = async (name: string) => {
      const file = path.join(outDir, `${name}-${viewport.name}.png`);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: file, fullPage: true });
      written.push(path.relative(root, file));
    };
    await page.goto('/');
    await save('startseite');
    await page.goto('/postfach');
    await save('postfach');
    await page.getByRole('link', { name: /Bescheid über Ihren Antrag auf Kostenübernahme/ }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await save('schreiben');
    await page.goto('/versicherung');
    await save('versicherung');
    await context.close();
  }
  return written;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('No production build: run `npm run build` first.');
  fs.mkdirSync(outDir, { recursive: true });
  const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hek-screenshots-')), 'portal.log');
  const port = await findFreePort(Number(process.env.SCREENSHOT_PORT ?? 3150));
  const baseURL = `http://localhost:${port}`;
  const database = await createTestDatabase();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...databaseEnv(database),
    APP_URL: baseURL,
    NEXTAUTH_URL: baseURL,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    PORT: String(port),
    IDP_SIMULATORS: 'on',
  };
  let serverPid: number | undefined;
  let browser: Browser | undefined;
  try {
    await runNpmScript('db:migrate', { cwd: root, env, logFile });
    await runNpmScript('db:seed', { cwd: root, env, logFile });
    const server = startNextServer({ cwd: root, env, port, logFile });
    serverPid = server.pid;
    await waitUntilAnswering(`${baseURL}/`, server, logFile, 60_000);
    browser = await chromium.launch({
      executablePath: chromiumExecutablePath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    for (const file of await shoot(browser, baseURL)) console.log(`wrote ${file}`);
  } finally {
    await browser?.close();
    if (serverPid) await stopNextServer(serverPid);
    await dropTestDatabase(database);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
