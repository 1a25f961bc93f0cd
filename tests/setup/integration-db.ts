// Runs before each integration test file, in that file's own process: gives the file a database of
// its own with all migrations applied, and removes it afterwards.
// - DATABASE_URL set: a new database `it_<random>` on that server, dropped in afterAll.
// - otherwise: an in-memory PGlite (PGLITE_DATA_DIR=memory://), gone with the process.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';

const serverUrl = process.env.DATABASE_URL?.trim();
let testDatabase: { name: string; adminUrl: string } | undefined;

if (serverUrl) {
  const name = `it_${randomBytes(6).toString('hex')}`;
  const adminUrl = withDatabase(serverUrl, 'postgres');
  // template0: whatever someone installed into template1 on a shared server stays out.
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE template0`));
  testDatabase = { name, adminUrl };
  process.env.DATABASE_URL = withDatabase(serverUrl, name);
} else {
  process.env.PGLITE_DATA_DIR = 'memory://';
}

// Imported only now, so that lib/db sees the environment set above.
const { disconnect } = await import('../../lib/db');
const { applyMigrations } = await import('../../lib/db/migrate');

async function cleanUp(): Promise<void> {
  await disconnect();
  if (!testDatabase) return;
  const { name, adminUrl } = testDatabase;
  await withAdmin(adminUrl, async (admin) => {
    // A connection a test leaked would make DROP DATABASE fail.
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
  });
}

try {
  await applyMigrations({ log: () => undefined });
} catch (error) {
  // The file's hooks never run when its setup fails: do not leave the database behind.
  await cleanUp();
  throw error;
}

afterAll(cleanUp);

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
