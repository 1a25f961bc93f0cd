import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { sharedDriver, type SqlDriver } from './driver';
import { checksumMatches, migrationChecksum, readMigrationsFolder, type MigrationFolder } from './migrations-folder';

// Applies prisma/migrations the way `prisma migrate deploy` does, without Prisma's native engine:
// same `_prisma_migrations` table, same checksums, same advisory lock key, so either tool can
// continue where the other stopped.

/** The key Prisma's schema engine locks on PostgreSQL; sharing it keeps us and `migrate deploy` apart. */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

// Prisma's own DDL for the table (schema engine, PostgreSQL flavour).
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

export interface ApplyMigrationsOptions {
  /** Defaults to prisma/migrations under the current directory. */
  migrationsDir?: string;
  /** Defaults to the portal's own database (see lib/db). */
  driver?: SqlDriver;
  /** How long to wait for another process that is migrating the same PostgreSQL database. */
  lockTimeoutMs?: number;
  log?: (message: string) => void;
}

interface MigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

interface Statements {
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Runs a whole migration.sql: several statements, no parameters. */
  script(sql: string): Promise<void>;
}

interface MigrationConnection extends Statements {
  transaction(work: (tx: Statements) => Promise<void>): Promise<void>;
  release(): Promise<void>;
}

/**
 * Applies the pending migrations in order, each in its own transaction together with its
 * `_prisma_migrations` row. Returns the names of the migrations it applied (empty when up to date).
 * Refuses to run when an applied migration's migration.sql was changed or a migration failed
 * half-way under Prisma's own engine.
 */
export async function applyMigrations(options: ApplyMigrationsOptions = {}): Promise<string[]> {
  const log = options.log ?? ((message: string) => console.info(`[db] ${message}`));
  const migrations = readMigrationsFolder(options.migrationsDir);
  const driver = options.driver ?? sharedDriver();
  return inProcessQueue(async () => {
    const connection = await connect(driver, options.lockTimeoutMs ?? 300_000, log);
    try {
      await connection.query(CREATE_MIGRATIONS_TABLE);
      const rows = (await connection.query(
        'SELECT id, checksum, migration_name, started_at, finished_at, rolled_back_at, logs ' +
          'FROM "_prisma_migrations" ORDER BY started_at',
      )) as unknown as MigrationRow[];
      refuseFailedMigrations(rows);
      refuseEditedMigrations(rows, migrations);

      const applied = new Set(rows.filter((row) => row.rolled_back_at === null).map((row) => row.migration_name));
      const known = new Set(migrations.map((migration) => migration.name));
      for (const name of applied) {
        if (!known.has(name)) log(`migration ${name} is applied in the database but missing in the folder`);
      }

      const appliedNow: string[] = [];
      for (const migration of migrations.filter((candidate) => !applied.has(candidate.name))) {
        await applyOne(connection, migration);
        appliedNow.push(migration.name);
        log(`applied migration ${migration.name}`);
      }
      return appliedNow;
    } finally {
      await connection.release();
    }
  });
}

async function applyOne(connection: MigrationConnection, migration: MigrationFolder): Promise<void> {
  const id = randomUUID();
  const checksum = migrationChecksum(migration.script);
  try {
    await connection.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) ' +
          'VALUES ($1, $2, $3, clock_timestamp(), 0)',
        [id, checksum, migration.name],
      );
      await tx.script(migration.script);
      await tx.query(
        'UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1',
        [id],
      );
    });
  } catch (error) {
    const logs = describeError(error);
    // The transaction undid the script, so the row says "rolled back": Prisma and we both ignore such
    // rows except as history, and apply the (fixed) migration again on the next run.
    await connection
      .query(
        'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, logs, rolled_back_at, applied_steps_count) ' +
          'VALUES ($1, $2, $3, clock_timestamp(), $4, clock_timestamp(), 0)',
        [id, checksum, migration.name, logs],
      )
      .catch(() => undefined);
    throw new Error(`Migration ${migration.name} failed and was rolled back:\n${logs}`, { cause: error });
  }
}

function refuseFailedMigrations(rows: MigrationRow[]): void {
  const failed = rows.filter((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed.length === 0) return;
  const details = failed
    .map((row) => `- ${row.migration_name} (started ${row.started_at.toISOString()})${row.logs ? `:\n${row.logs.trim()}` : ''}`)
    .join('\n');
  throw new Error(
    `Refusing to migrate: these migrations failed half-way and are not resolved:\n${details}\n` +
      'Repair the database by hand, then mark each one rolled back: UPDATE "_prisma_migrations" SET ' +
      "rolled_back_at = now() WHERE migration_name = '<name>' AND finished_at IS NULL " +
      '(what `prisma migrate resolve --rolled-back <name>` does).',
  );
}

function refuseEditedMigrations(rows: MigrationRow[], migrations: MigrationFolder[]): void {
  const scripts = new Map(migrations.map((migration) => [migration.name, migration.script]));
  const edited = rows.filter((row) => {
    const script = scripts.get(row.migration_name);
    return row.finished_at !== null && row.rolled_back_at === null && script !== undefined && !checksumMatches(script, row.checksum);
  });
  if (edited.length === 0) return;
  throw new Error(
    `Refusing to migrate: applied migrations were changed afterwards (checksum in "_prisma_migrations" ` +
      `differs from migration.sql): ${edited.map((row) => row.migration_name).join(', ')}. ` +
      'Restore the original migration.sql and put the change into a new migration (npm run db:migration -- <name>).',
  );
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `Database error code: ${code}\n\n${error.message}` : error.message;
  }
  return String(error);
}

// Two callers in one process (say, instrumentation and a script) must not interleave; the
// PostgreSQL advisory lock only separates processes.
const globalForQueue = globalThis as typeof globalThis & { __hekMigrationQueue?: Promise<unknown> };

function inProcessQueue<T>(work: () => Promise<T>): Promise<T> {
  const previous = globalForQueue.__hekMigrationQueue ?? Promise.resolve();
  const result = previous.then(work, work);
  globalForQueue.__hekMigrationQueue = result.catch(() => undefined);
  return result;
}

function connect(driver: SqlDriver, lockTimeoutMs: number, log: (message: string) => void): Promise<MigrationConnection> {
  return driver.kind === 'postgresql'
    ? connectPostgres(driver.pool, lockTimeoutMs, log)
    : Promise.resolve(pgliteConnection(driver.pglite));
}

async function connectPostgres(
  pool: pg.Pool,
  lockTimeoutMs: number,
  log: (message: string) => void,
): Promise<MigrationConnection> {
  // One dedicated connection: the advisory lock and the transactions belong to a session.
  const client = await pool.connect();
  try {
    await lockPostgres(client, lockTimeoutMs, log);
  } catch (error) {
    client.release();
    throw error;
  }
  const statements: Statements = {
    query: async (sql, params) => (await client.query(sql, params)).rows,
    // Without parameters pg uses the simple query protocol, which accepts many statements.
    script: async (sql) => {
      await client.query(sql);
    },
  };
  return {
    ...statements,
    async transaction(work) {
      await client.query('BEGIN');
      try {
        await work(statements);
        await client.query('COMMIT');
      } catch (error) {
        // A failed ROLLBACK means a broken connection; release() then discards it. Keep the first error.
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    async release() {
      try {
        await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
        client.release();
      } catch (error) {
        // Destroying the connection ends its session, and with it the lock.
        client.release(error instanceof Error ? error : true);
      }
    },
  };
}

async function lockPostgres(client: pg.PoolClient, timeoutMs: number, log: (message: string) => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      PRISMA_ADVISORY_LOCK_KEY,
    ]);
    if (rows[0]?.locked) return;
    if (Date.now() >= deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for the migration lock (pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})): ` +
          'another process is migrating this database.',
      );
    }
    if (attempt === 0) log('waiting for another process that is migrating this database');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// PGlite is one connection inside this process, so the in-process queue is all the locking it needs.
function pgliteConnection(pglite: PGlite): MigrationConnection {
  return {
    query: async (sql, params) => (await pglite.query<Record<string, unknown>>(sql, params)).rows,
    script: async (sql) => {
      await pglite.exec(sql);
    },
    transaction: (work) =>
      pglite.transaction(async (tx) => {
        await work({
          query: async (sql, params) => (await tx.query<Record<string, unknown>>(sql, params)).rows,
          script: async (sql) => {
            await tx.exec(sql);
          },
        });
      }),
    release: async () => undefined,
  };
}
