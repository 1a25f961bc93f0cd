import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseKind, prisma } from '@/lib/db';
import { applyMigrations } from '@/lib/db/migrate';
import { migrationChecksum, readMigrationsFolder, type MigrationFolder } from '@/lib/db/migrations-folder';

interface MigrationRow {
  migration_name: string;
  checksum: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}

const quiet = { log: () => undefined };

function migrationRows(): Promise<MigrationRow[]> {
  return prisma.$queryRaw<MigrationRow[]>`
    SELECT migration_name, checksum, started_at, finished_at, rolled_back_at, logs, applied_steps_count
    FROM "_prisma_migrations" ORDER BY started_at`;
}

const scratchDirs: string[] = [];

/** A copy of prisma/migrations that a test may change. */
function copyOfMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hek-migrations-'));
  fs.cpSync(path.resolve('prisma/migrations'), dir, { recursive: true });
  scratchDirs.push(dir);
  return dir;
}

function addMigration(dir: string, name: string, script: string): void {
  fs.mkdirSync(path.join(dir, name));
  fs.writeFileSync(path.join(dir, name, 'migration.sql'), script);
}

function firstMigration(dir: string): MigrationFolder {
  const [first] = readMigrationsFolder(dir);
  if (!first) throw new Error(`no migrations in ${dir}`);
  return first;
}

afterEach(() => {
  for (const dir of scratchDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('applyMigrations', () => {
  it('records every migration the way Prisma does', async () => {
    const folder = readMigrationsFolder();
    expect(folder.length).toBeGreaterThan(0);

    const rows = await migrationRows();
    expect(rows.map((row) => row.migration_name)).toEqual(folder.map((migration) => migration.name));
    for (const row of rows) {
      const file = fs.readFileSync(path.resolve('prisma/migrations', row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(migrationChecksum(file.toString('utf8')));
      // Independent of our helper: SHA-256 over the file's bytes.
      expect(row.checksum).toBe(createHash('sha256').update(file).digest('hex'));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('does nothing when run again', async () => {
    const before = await migrationRows();
    await expect(applyMigrations(quiet)).resolves.toEqual([]);
    await expect(applyMigrations(quiet)).resolves.toEqual([]);
    expect(await migrationRows()).toEqual(before);
  });

  it('refuses to run when an applied migration was changed', async () => {
    const dir = copyOfMigrations();
    const first = firstMigration(dir);
    fs.appendFileSync(path.join(dir, first.name, 'migration.sql'), '\n-- changed afterwards\n');
    addMigration(dir, '99990101000000_never_applied', 'CREATE TABLE "NeverApplied" (id INTEGER);');

    const before = await migrationRows();
    await expect(applyMigrations({ ...quiet, migrationsDir: dir })).rejects.toThrow(
      new RegExp(`changed afterwards.*${first.name}`),
    );
    expect(await migrationRows()).toEqual(before);
  });

  it('accepts a checkout that only changed line endings', async () => {
    const dir = copyOfMigrations();
    const first = firstMigration(dir);
    fs.writeFileSync(path.join(dir, first.name, 'migration.sql'), first.script.replace(/\n/g, '\r\n'));
    await expect(applyMigrations({ ...quiet, migrationsDir: dir })).resolves.toEqual([]);
  });

  it('applies a new migration, and rolls a failing one back completely', async () => {
    const dir = copyOfMigrations();
    addMigration(dir, '99990101000000_add_note', 'CREATE TABLE "ItNote" (id INTEGER PRIMARY KEY);\nINSERT INTO "ItNote" VALUES (1);');
    addMigration(
      dir,
      '99990102000000_broken',
      'CREATE TABLE "ItHalfDone" (id INTEGER);\nINSERT INTO "ItNote" VALUES (1);', // duplicate key
    );

    await expect(applyMigrations({ ...quiet, migrationsDir: dir })).rejects.toThrow(/99990102000000_broken failed and was rolled back/);

    const rows = await migrationRows();
    const added = rows.find((row) => row.migration_name === '99990101000000_add_note');
    expect(added?.finished_at).toBeInstanceOf(Date);
    const broken = rows.filter((row) => row.migration_name === '99990102000000_broken');
    expect(broken).toEqual([
      expect.objectContaining({ finished_at: null, applied_steps_count: 0, rolled_back_at: expect.any(Date), logs: expect.stringMatching(/23505|duplicate key/) }),
    ]);
    const halfDone = await prisma.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass('"ItHalfDone"') IS NOT NULL AS exists`;
    expect(halfDone).toEqual([{ exists: false }]);

    // Fixed, it is applied on the next run; the rolled-back row stays as history.
    fs.writeFileSync(path.join(dir, '99990102000000_broken', 'migration.sql'), 'CREATE TABLE "ItHalfDone" (id INTEGER);');
    await expect(applyMigrations({ ...quiet, migrationsDir: dir })).resolves.toEqual(['99990102000000_broken']);
    const after = (await migrationRows()).filter((row) => row.migration_name === '99990102000000_broken');
    expect(after.map((row) => row.finished_at === null)).toEqual([true, false]);
  });

  it('refuses to run while a migration failed half-way under Prisma is unresolved', async () => {
    await prisma.$executeRaw`
      INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, applied_steps_count)
      VALUES (gen_random_uuid()::text, ${'0'.repeat(64)}, '99990201000000_failed_elsewhere', 'boom', 0)`;
    try {
      await expect(applyMigrations(quiet)).rejects.toThrow(/99990201000000_failed_elsewhere[\s\S]*rolled_back_at/);
    } finally {
      await prisma.$executeRaw`DELETE FROM "_prisma_migrations" WHERE migration_name = '99990201000000_failed_elsewhere'`;
    }
  });

  it.skipIf(databaseKind() !== 'postgresql')('waits for another process holding the migration lock', async () => { // skipped on PGlite: one in-process connection has no advisory locks to contend for
    // Another instance (or `prisma migrate deploy`) migrating: it holds Prisma's advisory lock.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock(72707369)');
      const messages: string[] = [];
      await expect(applyMigrations({ log: (message) => messages.push(message), lockTimeoutMs: 600 })).rejects.toThrow(
        /Timed out .* migration lock/,
      );
      expect(messages).toContain('waiting for another process that is migrating this database');

      const waiting = applyMigrations({ log: () => undefined, lockTimeoutMs: 10_000 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await other.query('SELECT pg_advisory_unlock(72707369)');
      await expect(waiting).resolves.toEqual([]);
    } finally {
      await other.end();
    }
  });
});
