// Two production instances of the portal on one PostgreSQL database, behind a round-robin balancer on one
// origin, the way a deployment runs them: every request of a journey may land on either instance, so
// sessions, challenges, rate limits and idempotency must live in the database, not in a process.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { request as playwrightRequest, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { SMTPServer } from 'smtp-server';
import { expect, loginAs, test } from './fixtures';
import { identifyThisBrowser } from './identity-helpers';
import {
  createTestDatabase,
  databaseEnv,
  dropTestDatabase,
  findFreePort,
  runNpmScript,
  startNextServer,
  stopNextServer,
  waitUntilAnswering,
  type TestDatabase,
} from './test-portal';
import type { TestMember } from './test-api';

test.skip(!process.env.DATABASE_URL, 'PGlite is one process: two instances need a database server (CI runs this on PostgreSQL)');

/**
 * Forwards each request to the next instance in turn and counts what each one served. Reads and writes take
 * turns separately: with one shared turn, a journey whose every POST follows an odd number of GETs would send
 * all its POSTs to the same instance and prove nothing about the other.
 */
type Balancer = { port: number; served: number[]; servedPosts: number[]; close: () => Promise<void> };

function startBalancer(targets: number[]): Promise<Balancer> {
  const served = targets.map(() => 0);
  const servedPosts = targets.map(() => 0);
  const next = { read: 0, write: 0 };
  const server = http.createServer((incoming, outgoing) => {
    const turn = incoming.method === 'GET' || incoming.method === 'HEAD' ? 'read' : 'write';
    const index = next[turn]++ % targets.length;
    served[index]! += 1;
    if (incoming.method === 'POST') servedPosts[index]! += 1;
    const forwarded = http.request(
      { host: '127.0.0.1', port: targets[index], method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(forwarded);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        served,
        servedPosts,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

type Received = { to: string[]; raw: string };

const projectRoot = path.resolve(__dirname, '..', '..');
const token = crypto.randomBytes(32).toString('hex');
const received: Received[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    let raw = '';
    stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
      callback();
    });
  },
});

let database: TestDatabase | undefined;
let balancer: Balancer | undefined;
const instances: { port: number; pid: number }[] = [];
let baseURL = '';
let instanceURLs: string[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'started once per run: the two-instance behaviour does not depend on the width');
  test.setTimeout(180_000);
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  database = await createTestDatabase();
  const ports = [await findFreePort(3600)];
  ports.push(await findFreePort(ports[0]! + 1));
  balancer = await startBalancer(ports);
  baseURL = `http://localhost:${balancer.port}`;
  instanceURLs = ports.map((port) => `http://localhost:${port}`);
  const logFile = testInfo.outputPath('two-instances.log');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...databaseEnv(database),
    // Both instances serve the balancer's origin: cookies, WebAuthn and redirects are about that origin.
    APP_URL: baseURL,
    NEXTAUTH_URL: baseURL,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    TEST_API_TOKEN: token,
    IDP_SIMULATORS: 'on',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}?ignoreTLS=true`,
    MAIL_POLL_SECONDS: '1',
  };
  await runNpmScript('db:migrate', { cwd: projectRoot, env, logFile });
  await runNpmScript('db:seed', { cwd: projectRoot, env, logFile });
  for (const port of ports) {
    const server = startNextServer({ cwd: projectRoot, env: { ...env, PORT: String(port) }, port, logFile });
    instances.push({ port, pid: server.pid! });
    await waitUntilAnswering(`http://localhost:${port}/login`, server, logFile, 90_000);
  }
});

test.afterAll(async () => {
  for (const instance of instances) await stopNextServer(instance.pid);
  await balancer?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  if (database) await dropTestDatabase(database);
});

async function api(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { 'x-test-api-token': token } });
}

async function post<T>(path: string, data: unknown): Promise<T> {
  const context = await api();
  try {
    const response = await context.post(path, { data });
    expect(response.ok(), `${path} answered ${response.status()}`).toBe(true);
    return (await response.json()) as T;
  } finally {
    await context.dispose();
  }
}

// One member's browser through the balancer, kept across the next three tests (serial mode).
let journey: { context: BrowserContext; page: Page; member: TestMember; letterId: string } | undefined;

test('a member logs in and binds the browser through the balancer: session, hand-off and device challenge on both instances', async ({ browser }) => {
  const member = await post<TestMember>('/api/test/members', { level: 'SMART' });
  await post('/api/test/mailbox', { memberId: member.memberId, action: 'appCommunication', enabled: true });
  const { letterId } = await post<{ letterId: string }>('/api/test/mailbox', { memberId: member.memberId, action: 'deliver', template: 'fehlende-unterlagen' });
  // A context of its own: its base URL is the balancer, known only once the instances run.
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  journey = { context, page, member, letterId };
  const postsBefore = [...balancer!.servedPosts];

  await loginAs(page, member.kvnr, member.password);
  await identifyThisBrowser(page);
  await page.goto(`${baseURL}/postfach/${letterId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Bitte reichen Sie fehlende Unterlagen nach' })).toBeVisible();

  // Both instances served state-changing requests of this journey.
  const posts = balancer!.servedPosts.map((count, i) => count - postsBefore[i]!);
  expect(posts.every((count) => count > 0), `POSTs per instance: ${posts.join(', ')}`).toBe(true);
  // Each instance on its own sees the same session (the cookie is per host, not per port).
  for (const url of instanceURLs) {
    await page.goto(`${url}/profil`);
    await expect(page).toHaveURL(`${url}/profil`);
  }
});

test('a reply is sent once: the same request replayed on each instance creates nothing new', async () => {
  const { page, letterId } = journey!;
  await page.goto(`${baseURL}/postfach/${letterId}/antworten`);
  await page.getByLabel('Ihre Nachricht').fill('Antwort über zwei Instanzen.');
  const actionRequest = page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
  await page.getByRole('button', { name: 'Senden' }).click();
  const sent = await actionRequest;
  await expect(page.getByText('Gesendet. Sie finden Ihre Sendung unter „Gesendet“.')).toBeVisible();
  for (const url of instanceURLs) {
    await page.request.fetch(`${url}${new URL(sent.url()).pathname}`, {
      method: 'POST',
      headers: { ...sent.headers(), origin: baseURL },
      data: sent.postDataBuffer() ?? undefined,
      maxRedirects: 0,
    });
  }
  await page.goto(`${baseURL}/postfach?tab=sent`);
  await expect(page.getByRole('link', { name: /Antwort: Bitte reichen Sie fehlende Unterlagen nach/ })).toHaveCount(1);
});

test('logging out on one instance ends the session on the other at its next request', async () => {
  const { page, context } = journey!;
  await page.goto(`${instanceURLs[0]}/profil`);
  await page.locator('header summary').click();
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await page.waitForURL(/\/login/);
  await page.goto(`${instanceURLs[1]}/profil`);
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test('the login limit holds across both instances, also for a concurrent burst', async () => {
  const member = await post<TestMember>('/api/test/members', { level: 'SMART' });
  const contexts = await Promise.all(instanceURLs.map((url) => playwrightRequest.newContext({ baseURL: url })));
  try {
    // One CSRF token per context, fetched before the burst: a fresh one per attempt would replace the
    // cookie under the attempts still in flight, and next-auth would answer those with its CSRF redirect.
    const tokens = new Map<APIRequestContext, string>();
    for (const context of contexts) tokens.set(context, ((await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken);
    const attempt = async (context: APIRequestContext, password: string) => {
      const response = await context.post('/api/auth/callback/password', {
        form: { csrfToken: tokens.get(context)!, kvnr: member.kvnr, password, json: 'true' },
        maxRedirects: 0,
      });
      const body = (await response.json().catch(() => ({}))) as { url?: string };
      const target = new URL(body.url ?? response.headers().location ?? `${baseURL}/`, baseURL);
      // A CSRF refusal is not a login: it would pass as one here and hide whether the limit held.
      expect(target.searchParams.get('csrf'), `CSRF refusal for ${password}`).toBeNull();
      return target.searchParams.get('error') ?? 'ok';
    };
    // 20 wrong passwords at once, alternating between the instances, with a limit of 5 per KVNR.
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(contexts[i % 2]!, `Falsch-${i}-Passwort!`)));
    const checked = answers.filter((answer) => !answer.startsWith('rate_limited'));
    expect(checked.length, `answers: ${answers.join(', ')}`).toBeLessThanOrEqual(5);
    // The right password is refused on either instance while the pause lasts.
    for (const context of contexts) expect(await attempt(context, member.password)).toMatch(/^rate_limited/);
  } finally {
    await Promise.all(contexts.map((context) => context.dispose()));
  }
});

test('the mail outbox runs on both instances and sends each mail once', async () => {
  const member = await post<TestMember>('/api/test/members', { level: 'SMART' });
  await post('/api/test/mailbox', { memberId: member.memberId, action: 'appCommunication', enabled: true });
  const letters = 6;
  for (let i = 0; i < letters; i++) {
    await post('/api/test/mailbox', { memberId: member.memberId, action: 'deliver', template: 'beitragsinformation' });
  }
  // Each delivered letter queues one notice mail; both instances poll the outbox every second.
  await expect.poll(() => received.filter((mail) => mail.to.includes(member.email)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(letters);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const mine = received.filter((mail) => mail.to.includes(member.email));
  // One notice per letter (plus the App-Kommunikation confirmation, if one was sent): never a duplicate,
  // although both instances poll the same outbox.
  expect(mine.length).toBeLessThanOrEqual(letters + 1);
});
