// Vitest's global setup for the integration tests: runs once, before any test file, and builds the
// migrated database that every test file's own database is copied from (tests/setup/integration-db.ts).
// Creating and migrating a database per file cost each of the ~40 files several seconds, most of it
// PGlite starting an empty cluster in WebAssembly.
// - DATABASE_URL set: a template database `it_template_<random>` on that server, migrated, dropped at the end.
// - otherwise: an in-memory PGlite, migrated, dumped to a file in the temp directory, removed at the end.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { closeDriver, openDriver, PGLITE_IN_MEMORY } from '../../lib/db/driver';
import { applyMigrations } from '../../lib/db/migrate';
import { withAdmin, withDatabase } from './database-server';

export type IntegrationTemplate = { kind: 'postgresql'; database: string } | { kind: 'pglite'; dumpFile: string };

declare module 'vitest' {
  export interface ProvidedContext {
    integrationTemplate: IntegrationTemplate;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (serverUrl) {
    const database = `it_template_${randomBytes(6).toString('hex')}`;
    const adminUrl = withDatabase(serverUrl, 'postgres');
    // template0: whatever someone installed into template1 on a shared server stays out.
    await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE "${database}" TEMPLATE template0`));
    const drop = () => withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    try {
      // A template must have no open connection while it is copied: this one is closed before any file starts.
      const driver = openDriver({ kind: 'postgresql', url: withDatabase(serverUrl, database), poolMax: 1 });
      try {
        await applyMigrations({ driver, log: () => undefined });
      } finally {
        await closeDriver(driver);
      }
    } catch (error) {
      await drop();
      throw error;
    }
    project.provide('integrationTemplate', { kind: 'postgresql', database });
    return async () => {
      await drop();
    };
  }

  const driver = openDriver({ kind: 'pglite', dataDir: PGLITE_IN_MEMORY });
  const dumpFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hek-it-template-')), 'migrated.tar');
  try {
    await applyMigrations({ driver, log: () => undefined });
    if (driver.kind !== 'pglite') throw new Error('Expected the embedded PGlite.');
    const dump = await driver.pglite.dumpDataDir('none');
    fs.writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await closeDriver(driver);
  }
  project.provide('integrationTemplate', { kind: 'pglite', dumpFile });
  return async () => {
    fs.rmSync(path.dirname(dumpFile), { recursive: true, force: true });
  };
}
