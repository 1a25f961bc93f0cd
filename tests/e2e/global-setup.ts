import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import {
  createTestDatabase,
  databaseEnv,
  describeDatabase,
  dropTestDatabase,
  findFreePort,
  rememberRun,
  runNpmScript,
  startNextServer,
  stopNextServer,
  waitUntilAnswering,
  type PortalRun,
} from './test-portal';

/**
 * Starts the portal for the end-to-end tests on a database of its own, and tells the workers its URL
 * through E2E_BASE_URL. Builds nothing: `npm test` runs `next build` before Playwright.
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  if (process.env.E2E_BASE_URL) {
    console.log(`[e2e] Testing the portal at ${process.env.E2E_BASE_URL} (E2E_BASE_URL); starting none.`);
    return;
  }
  const projectRoot = config.configFile ? path.dirname(config.configFile) : process.cwd();
  requireProductionBuild(projectRoot);

  const logFile = path.join(config.projects[0]?.outputDir ?? path.join(projectRoot, 'test-results'), 'portal.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const port = await findFreePort(firstPort());
  const baseURL = `http://localhost:${port}`;

  const started = Date.now();
  const database = await createTestDatabase();
  const run: PortalRun = { database, logFile };
  try {
    console.log(`[e2e] Database: ${describeDatabase(database)}`);
    // Enables the portal's test-only routes (/api/test/*); the workers inherit it to call them.
    process.env.TEST_API_TOKEN ??= crypto.randomBytes(32).toString('hex');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...databaseEnv(database),
      APP_URL: baseURL,
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || crypto.randomBytes(32).toString('base64url'),
      PORT: String(port),
      // The tests identify through the simulated providers, also on a database server.
      IDP_SIMULATORS: 'on',
    };
    await runNpmScript('db:migrate', { cwd: projectRoot, env, logFile });
    await runNpmScript('db:seed', { cwd: projectRoot, env, logFile });
    const server = startNextServer({ cwd: projectRoot, env, port, logFile });
    run.serverPid = server.pid;
    await waitUntilAnswering(`${baseURL}/`, server, logFile, 60_000);
  } catch (error) {
    // Global teardown does not run when setup fails: clean up here.
    if (run.serverPid) await stopNextServer(run.serverPid);
    await dropTestDatabase(database);
    throw error;
  }
  rememberRun(run);
  process.env.E2E_BASE_URL = baseURL;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`[e2e] Portal answers at ${baseURL} (ready after ${seconds} s); its output: ${logFile}`);
}

function requireProductionBuild(projectRoot: string): void {
  if (!fs.existsSync(path.join(projectRoot, '.next', 'BUILD_ID'))) {
    throw new Error(
      'No production build found (.next/BUILD_ID is missing). Run `npm run build` first, ' +
        'or `npm test`, which builds before it runs the end-to-end tests.',
    );
  }
}

function firstPort(): number {
  const value = process.env.E2E_PORT ?? '3100';
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`E2E_PORT must be a port number, got "${value}".`);
  }
  return port;
}
