// The portal instance the end-to-end tests run against: its own database (a fresh PostgreSQL database
// on the DATABASE_URL server, or a fresh embedded PGlite directory), migrated and seeded through the
// project's own npm scripts, and `next start` serving the existing production build.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { withAdmin, withDatabase } from '../setup/database-server';

export type TestDatabase =
  | { kind: 'postgresql'; serverUrl: string; name: string; url: string }
  | { kind: 'pglite'; runDir: string; dataDir: string };

/** Everything global teardown must undo. Global setup and teardown run in one process and share process.env. */
export type PortalRun = { database: TestDatabase; serverPid?: number; logFile: string };

const RUN_KEY = 'E2E_PORTAL_RUN';

export function rememberRun(run: PortalRun): void {
  process.env[RUN_KEY] = JSON.stringify(run);
}

export function takeRememberedRun(): PortalRun | undefined {
  const saved = process.env[RUN_KEY];
  delete process.env[RUN_KEY];
  return saved ? (JSON.parse(saved) as PortalRun) : undefined;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hek-e2e-'));
    // The portal keeps its generated demo secret beside the data directory, so both live in runDir.
    return { kind: 'pglite', runDir, dataDir: path.join(runDir, 'pglite') };
  }
  const name = `e2e_${crypto.randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, async (client) => {
    // name is generated above from hex digits only, so it is safe to put into the statement.
    await client.query(`CREATE DATABASE "${name}"`);
  }).catch((error: Error) => {
    throw new Error(
      `Could not create the test database ${name} on ${redact(serverUrl)}: ${error.message}\n` +
        'The DATABASE_URL user needs the CREATEDB privilege (or unset DATABASE_URL to test on embedded PGlite).',
    );
  });
  return { kind: 'postgresql', serverUrl, name, url: withDatabase(serverUrl, name) };
}

export async function dropTestDatabase(database: TestDatabase): Promise<void> {
  if (database.kind === 'pglite') {
    fs.rmSync(database.runDir, { recursive: true, force: true });
    return;
  }
  await withAdmin(database.serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${database.name}" WITH (FORCE)`);
  });
}

/** Environment for the portal's processes: the test database, and only it. */
export function databaseEnv(database: TestDatabase): Record<string, string | undefined> {
  return database.kind === 'postgresql'
    ? { DATABASE_URL: database.url, PGLITE_DATA_DIR: undefined }
    : { DATABASE_URL: undefined, PGLITE_DATA_DIR: database.dataDir };
}

export function describeDatabase(database: TestDatabase): string {
  return database.kind === 'postgresql'
    ? `PostgreSQL database ${database.name} on ${redact(database.serverUrl)}`
    : `embedded PGlite in ${database.dataDir}`;
}

function redact(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

/** Runs `npm run <script>`, its output going to the log; fails with the output's end. */
export async function runNpmScript(
  script: string,
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): Promise<void> {
  fs.appendFileSync(options.logFile, `\n$ npm run ${script}\n`);
  const log = fs.openSync(options.logFile, 'a');
  const child = spawn('npm', ['run', script], { cwd: options.cwd, env: options.env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
  });
  if (code !== 0) {
    throw new Error(`npm run ${script} failed (${signal ?? `exit code ${code}`}).\n${logTail(options.logFile)}`);
  }
}

/** The first port from `first` on that nothing listens on (checked the way `next start` binds). */
export async function findFreePort(first: number): Promise<number> {
  for (let port = first; port < first + 20; port++) {
    if (await canListen(port)) return port;
  }
  throw new Error(`No free port in ${first}-${first + 19}; set E2E_PORT to another start port.`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port }, () => server.close(() => resolve(true)));
  });
}

/**
 * Starts `next start` in its own process group (so that stopping it also stops anything it forked),
 * writing to the log.
 */
export function startNextServer(options: {
  cwd: string;
  env: NodeJS.ProcessEnv;
  port: number;
  logFile: string;
  /** Flags for Node.js itself (the CPU profiler of scripts/bench/profile-pages.ts); NODE_OPTIONS refuses some. */
  nodeArgs?: string[];
}): ChildProcess {
  fs.appendFileSync(options.logFile, `\n$ next start --port ${options.port}\n`);
  const log = fs.openSync(options.logFile, 'a');
  const nextBin = createRequire(path.join(options.cwd, 'package.json')).resolve('next/dist/bin/next');
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), nextBin, 'start', '--port', String(options.port)], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  // The runner must not wait for the server; global teardown stops it.
  child.unref();
  return child;
}

/** Waits until the server gives any HTTP answer at all; fails early when it exits. */
export async function waitUntilAnswering(url: string, server: ChildProcess, logFile: string, timeoutMs: number) {
  let exit: string | undefined;
  server.once('exit', (code, signal) => (exit = signal ?? `exit code ${code}`));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exit) throw new Error(`next start ended (${exit}) before answering.\n${logTail(logFile)}`);
    try {
      await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`The portal did not answer at ${url} within ${timeoutMs / 1000} s.\n${logTail(logFile)}`);
}

/** SIGTERM to the server's process group, SIGKILL if it is still there after 10 s. */
export async function stopNextServer(pid: number): Promise<void> {
  if (!signalGroup(pid, 'SIGTERM')) return;
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (!signalGroup(pid, 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  signalGroup(pid, 'SIGKILL');
}

/** Signals the process group led by pid; false when it no longer exists. */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

export function logTail(logFile: string, lines = 40): string {
  const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
  return `--- last ${lines} lines of ${logFile} ---\n${text.trimEnd().split('\n').slice(-lines).join('\n')}`;
}
