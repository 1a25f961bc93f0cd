// Runs before each integration test file, in that file's own process: gives the file a database of its
// own, a copy of the migrated one that tests/setup/integration-template.ts built once, and removes it
// afterwards.
// - DATABASE_URL set: a new database `it_<random>` on that server, copied from the template, dropped in afterAll.
// - otherwise: an in-memory PGlite loaded from the template's dump, gone with the process.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, inject } from 'vitest';
import { withAdmin, withDatabase } from './database-server';

const template = inject('integrationTemplate');
const serverUrl = process.env.DATABASE_URL?.trim();
let testDatabase: { name: string; adminUrl: string } | undefined;

if (template.kind === 'postgresql') {
  if (!serverUrl) throw new Error('The integration template is on a PostgreSQL server, but DATABASE_URL is not set.');
  const name = `it_${randomBytes(6).toString('hex')}`;
  const adminUrl = withDatabase(serverUrl, 'postgres');
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template.database}"`));
  testDatabase = { name, adminUrl };
  process.env.DATABASE_URL = withDatabase(serverUrl, name);
} else {
  process.env.PGLITE_DATA_DIR = 'memory://';
  const { openPGliteFromDump, setSharedDriver } = await import('../../lib/db/driver');
  setSharedDriver(openPGliteFromDump(new Blob([fs.readFileSync(template.dumpFile)])));
}

// Imported only now, so that lib/db sees the environment set above.
const { disconnect } = await import('../../lib/db');

afterAll(async () => {
  await disconnect();
  if (!testDatabase) return;
  const { name, adminUrl } = testDatabase;
  await withAdmin(adminUrl, async (admin) => {
    // A connection a test leaked would make DROP DATABASE fail.
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
  });
});
