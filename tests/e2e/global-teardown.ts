import { describeDatabase, dropTestDatabase, stopNextServer, takeRememberedRun } from './test-portal';

/** Stops the portal that global setup started and removes its database. */
export default async function globalTeardown(): Promise<void> {
  const run = takeRememberedRun();
  if (!run) return;
  if (run.serverPid) await stopNextServer(run.serverPid);
  await dropTestDatabase(run.database);
  delete process.env.E2E_BASE_URL;
  console.log(`[e2e] Stopped the portal and removed the ${describeDatabase(run.database)}; its output: ${run.logFile}`);
}
