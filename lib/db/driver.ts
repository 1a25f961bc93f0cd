import fs from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';

/** Which database the portal talks to, read from the environment. */
export type DatabaseConfig =
  | { kind: 'postgresql'; url: string; poolMax: number }
  | { kind: 'pglite'; dataDir: string };

/** An open connection to the database, below Prisma: used for the adapter and for migrations. */
export type SqlDriver =
  | { kind: 'postgresql'; pool: pg.Pool }
  | { kind: 'pglite'; pglite: PGlite; releaseDataDir?: () => void };

export const PGLITE_IN_MEMORY = 'memory://';
const DEFAULT_PGLITE_DATA_DIR = path.join('.data', 'pglite');
const DEFAULT_POOL_MAX = 10;

export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    return { kind: 'postgresql', url, poolMax: parsePoolMax(env.DB_POOL_MAX) };
  }
  const dataDir = env.PGLITE_DATA_DIR?.trim() || DEFAULT_PGLITE_DATA_DIR;
  return {
    kind: 'pglite',
    // Kept out of Next.js output tracing: the data directory is created at run time.
    dataDir: dataDir.startsWith(PGLITE_IN_MEMORY) ? dataDir : path.resolve(/*turbopackIgnore: true*/ process.cwd(), dataDir),
  };
}

function parsePoolMax(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_POOL_MAX;
  const max = Number(value);
  if (!Number.isInteger(max) || max < 1) {
    throw new Error(`DB_POOL_MAX must be a positive integer, got "${value}".`);
  }
  return max;
}

// pg_trgm backs the Postfach's subject search (a trigram index); PostgreSQL ships it in contrib.
const pgliteOptions: PGliteOptions = { extensions: { pg_trgm } };

export function openDriver(config: DatabaseConfig): SqlDriver {
  if (config.kind === 'postgresql') {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolMax,
      // pg waits forever for a free connection by default; fail a request instead.
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
      // The driver adapter reads timestamptz values without their offset: in a session whose TimeZone is
      // not UTC (a server configured for Europe/Berlin) every instant would be read hours off. Each
      // connection of the portal therefore works in UTC, whatever the server's default.
      options: '-c TimeZone=UTC',
    });
    // Without a listener, an idle client's error (server restart, network) crashes the process.
    pool.on('error', (error) => console.error('[db] idle PostgreSQL connection failed:', error.message));
    return { kind: 'postgresql', pool };
  }
  if (config.dataDir.startsWith(PGLITE_IN_MEMORY)) {
    return { kind: 'pglite', pglite: new PGlite(config.dataDir, pgliteOptions) };
  }
  // PGlite creates only the last directory of the path itself.
  fs.mkdirSync(path.dirname(config.dataDir), { recursive: true });
  const releaseDataDir = lockDataDir(config.dataDir);
  try {
    return { kind: 'pglite', pglite: new PGlite(config.dataDir, pgliteOptions), releaseDataDir };
  } catch (error) {
    releaseDataDir();
    throw error;
  }
}

/**
 * An in-memory PGlite started from a dump of another one (PGlite.dumpDataDir): the integration tests copy
 * one migrated database into each test file this way (tests/setup), instead of creating and migrating one.
 */
export function openPGliteFromDump(dump: Blob): SqlDriver {
  return { kind: 'pglite', pglite: new PGlite(PGLITE_IN_MEMORY, { ...pgliteOptions, loadDataDir: dump }) };
}

export async function closeDriver(driver: SqlDriver): Promise<void> {
  if (driver.kind === 'postgresql') {
    await driver.pool.end();
    return;
  }
  try {
    await driver.pglite.close();
  } finally {
    driver.releaseDataDir?.();
  }
}

/**
 * PGlite does not stop a second process from opening the same data directory, and two would corrupt
 * it (say, `npm run db:seed` while the portal runs). A lock file next to it, holding the owner's pid,
 * makes the second one fail clearly; a lock left by a process that is gone is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readPid(lockFile);
    if (holder !== undefined && holder !== process.pid && processIsAlive(holder)) {
      throw new Error(
        `The embedded database ${dataDir} is in use by process ${holder} (the portal, or a db script). ` +
          `Stop that process first; if none is running, delete ${lockFile}.`,
      );
    }
    fs.rmSync(lockFile, { force: true });
  }
  const release = () => {
    process.off('exit', release);
    if (readPid(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
  };
  process.on('exit', release);
  return release;
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Cached on globalThis: Next.js dev reloads modules, and instrumentation and routes are separate bundles,
// but one process must hold one pool, and above all one PGlite per data directory.
const globalForDriver = globalThis as typeof globalThis & { __hekDbDriver?: SqlDriver };

/** The process-wide connection, opened on first use. */
export function sharedDriver(): SqlDriver {
  globalForDriver.__hekDbDriver ??= openDriver(readDatabaseConfig());
  return globalForDriver.__hekDbDriver;
}

/** Makes a connection the caller opened the process-wide one (a test file's copied database). */
export function setSharedDriver(driver: SqlDriver): void {
  if (globalForDriver.__hekDbDriver) throw new Error('The process-wide database connection is already open.');
  globalForDriver.__hekDbDriver = driver;
}

export function sharedDriverKind(): SqlDriver['kind'] | undefined {
  return globalForDriver.__hekDbDriver?.kind;
}

export async function closeSharedDriver(): Promise<void> {
  const driver = globalForDriver.__hekDbDriver;
  globalForDriver.__hekDbDriver = undefined;
  if (driver) await closeDriver(driver);
}
