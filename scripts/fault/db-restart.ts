// npm run fault:db-restart
// PostgreSQL restarted while members use the portal. Starts the production build on a fresh database of
// the local PostgreSQL server, lets three members write messenger messages in real Chromium, restarts the
// server in the middle (pg_ctlcluster, so it needs the right to do that: root on the development
// machine), and prints what the members saw and what the database holds afterwards:
// - the portal recovers by itself, without a restart of its own;
// - every message either arrived once or its member saw an error and sent it again (same form, same
//   idempotency key): nothing is saved twice or half.
// It restarts the whole server, so never run it beside other tests that use it.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright';
import pg from 'pg';
import {
  createTestDatabase,
  databaseEnv,
  dropTestDatabase,
  findFreePort,
  runNpmScript,
  startNextServer,
  stopNextServer,
  waitUntilAnswering,
} from '../../tests/e2e/test-portal';
import { chromiumExecutablePath } from '../../tests/e2e/chromium.mjs';

const MEMBERS = 3;
const RUN_SECONDS = 40;
const RESTART_AFTER_SECONDS = 12;

type Outcome = { sent: number; retried: number; errorsShown: number; gaveUp: number };

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to a PostgreSQL server this script may restart.');
  const projectRoot = path.resolve(__dirname, '..', '..');
  const database = await createTestDatabase();
  if (database.kind !== 'postgresql') throw new Error('unreachable: DATABASE_URL is set');
  const port = await findFreePort(3700);
  const baseURL = `http://localhost:${port}`;
  const token = crypto.randomBytes(32).toString('hex');
  const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hek-fault-')), 'portal.log');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...databaseEnv(database),
    APP_URL: baseURL,
    NEXTAUTH_URL: baseURL,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    TEST_API_TOKEN: token,
    PORT: String(port),
  };
  await runNpmScript('db:migrate', { cwd: projectRoot, env, logFile });
  await runNpmScript('db:seed', { cwd: projectRoot, env, logFile });
  const server = startNextServer({ cwd: projectRoot, env, port, logFile });
  const browser = await chromium.launch({
    executablePath: chromiumExecutablePath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    await waitUntilAnswering(`${baseURL}/login`, server, logFile, 90_000);
    const api = async <T>(route: string, data: unknown): Promise<T> => {
      const response = await fetch(`${baseURL}${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-test-api-token': token },
        body: JSON.stringify(data),
      });
      if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    };

    const members = await Promise.all(
      Array.from({ length: MEMBERS }, async () => {
        const member = await api<{ memberId: string; kvnr: string; password: string }>('/api/test/members', { level: 'SMART' });
        const { conversationId } = await api<{ conversationId: string }>('/api/test/mailbox', { memberId: member.memberId, action: 'answeredConversation' });
        const context = await browser.newContext({ baseURL, locale: 'de-DE' });
        const page = await context.newPage();
        await page.goto('/login');
        await page.getByLabel('Versichertennummer', { exact: true }).fill(member.kvnr);
        await page.getByLabel('Passwort', { exact: true }).fill(member.password);
        await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
        await page.waitForURL((url) => url.pathname === '/');
        await api('/api/test/sessions', { memberId: member.memberId, change: 'bind' });
        return { ...member, conversationId, page };
      }),
    );

    const started = Date.now();
    const deadline = started + RUN_SECONDS * 1000;
    const restart = { at: 0, tookMs: 0 };
    const restarter = (async () => {
      await new Promise((resolve) => setTimeout(resolve, RESTART_AFTER_SECONDS * 1000));
      const version = fs.readdirSync('/etc/postgresql').sort().at(-1) ?? '15';
      restart.at = Date.now() - started;
      const before = Date.now();
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], { stdio: 'inherit' });
      restart.tookMs = Date.now() - before;
    })();

    const outcomes = await Promise.all(members.map((member, index) => writeMessages(member.page, member.conversationId, index, deadline)));
    await restarter;

    // Recovery: the same running portal answers a logged-in page again.
    let recoveredAfterMs = -1;
    for (const member of members) {
      const waitStart = Date.now();
      await member.page.goto(`/nachrichten/${member.conversationId}`);
      await member.page.getByLabel('Antwort schreiben').waitFor({ timeout: 30_000 });
      recoveredAfterMs = Math.max(recoveredAfterMs, Date.now() - waitStart);
    }

    // What the database holds: each message body once, and only whole messages.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const rows = await client.query<{ body: string; n: string }>(
      `SELECT body, count(*)::text AS n FROM "ConversationMessage" WHERE "authorType" = 'MEMBER' AND body LIKE 'Fault-%' GROUP BY body`,
    );
    await client.end();
    const stored = rows.rows.length;
    const duplicates = rows.rows.filter((row) => Number(row.n) > 1).length;
    const sent = outcomes.reduce((sum, o) => sum + o.sent, 0);
    const retried = outcomes.reduce((sum, o) => sum + o.retried, 0);
    const errorsShown = outcomes.reduce((sum, o) => sum + o.errorsShown, 0);
    const gaveUp = outcomes.reduce((sum, o) => sum + o.gaveUp, 0);
    const result = {
      members: MEMBERS,
      seconds: RUN_SECONDS,
      restartAtSeconds: Math.round(restart.at / 1000),
      restartTookMs: restart.tookMs,
      messagesConfirmedToMembers: sent,
      messagesStored: stored,
      duplicates,
      errorsShownToMembers: errorsShown,
      sentAgainAfterAnError: retried,
      gaveUp,
      portalRestarted: false,
      pageAnsweredAgainAfterMs: recoveredAfterMs,
    };
    console.log(JSON.stringify(result, null, 2));
    const ok = duplicates === 0 && stored >= sent && stored <= sent + gaveUp;
    console.log(ok ? 'RESULT: ok (nothing twice, nothing lost that a member was told was sent)' : 'RESULT: FAILED');
    process.exitCode = ok ? 0 : 1;
  } finally {
    await browser.close();
    if (server.pid) await stopNextServer(server.pid);
    await dropTestDatabase(database).catch(() => undefined);
  }
}

/** One member writes messages until the deadline; after an error they press "Senden" again, as a member would. */
async function writeMessages(page: Page, conversationId: string, member: number, deadline: number): Promise<Outcome> {
  const outcome: Outcome = { sent: 0, retried: 0, errorsShown: 0, gaveUp: 0 };
  let n = 0;
  while (Date.now() < deadline) {
    const body = `Fault-${member}-${n++}`;
    try {
      await page.goto(`/nachrichten/${conversationId}`, { timeout: 20_000 });
      await page.getByLabel('Antwort schreiben').fill(body);
    } catch {
      continue; // the page did not load during the outage: nothing was sent
    }
    let attempts = 0;
    for (;;) {
      attempts += 1;
      await page.getByRole('button', { name: 'Senden' }).click().catch(() => undefined);
      const confirmed = await page
        .getByText(body, { exact: true })
        .first()
        .waitFor({ timeout: 8_000 })
        .then(() => true)
        .catch(() => false);
      if (confirmed) {
        outcome.sent += 1;
        if (attempts > 1) outcome.retried += 1;
        break;
      }
      outcome.errorsShown += 1;
      if (attempts >= 4) {
        outcome.gaveUp += 1;
        break;
      }
      // Still on the form with the text? Send again; on an error page, go back to the form first.
      if (!(await page.getByLabel('Antwort schreiben').isVisible().catch(() => false))) {
        await page.goBack().catch(() => undefined);
      }
    }
  }
  return outcome;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
