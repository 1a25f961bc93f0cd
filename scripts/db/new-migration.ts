// npm run db:migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes a database at the
// end of the existing migrations to the schema in prisma/schema, using Prisma's schema engine as
// WebAssembly (no download, no database needed). Writes nothing when the schema has not changed.
import fs from 'node:fs';
import path from 'node:path';
import { openDriver, closeDriver, PGLITE_IN_MEMORY } from '../../lib/db/driver';
import { applyMigrations } from '../../lib/db/migrate';
import {
  MIGRATION_FILE,
  MIGRATION_LOCK_CONTENT,
  MIGRATION_LOCK_FILE,
  readMigrationsFolder,
  resolveMigrationsDir,
} from '../../lib/db/migrations-folder';
import { NO_SCHEMA_FILTER, openSchemaEngine, readSchemaFiles } from '../../lib/db/schema-engine';

const migrationsDir = resolveMigrationsDir();
const lockFile = path.join(migrationsDir, '.db-migration.lock');

async function main(): Promise<number> {
  const name = slugify(process.argv.slice(2).join(' '));
  if (!name) {
    console.error('Usage: npm run db:migration -- <name>   (for example: add_member_iban)');
    return 2;
  }
  fs.mkdirSync(migrationsDir, { recursive: true });
  await acquireLock();
  try {
    return await createMigration(name);
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

async function createMigration(name: string): Promise<number> {
  const schemaFiles = readSchemaFiles();
  // A throwaway database at the state of the existing migrations; this also proves they apply.
  const driver = openDriver({ kind: 'pglite', dataDir: PGLITE_IN_MEMORY });
  try {
    await applyMigrations({ driver, log: () => undefined });
    const engine = await openSchemaEngine(driver, schemaFiles);
    let script: string;
    try {
      const diff = await engine.diff({
        from: { tag: 'schemaDatasource', files: schemaFiles, configDir: process.cwd() },
        to: { tag: 'schemaDatamodel', files: schemaFiles },
        script: true,
        exitCode: true,
        filters: NO_SCHEMA_FILTER,
      });
      // With exitCode set, the engine answers 2 when the diff is not empty.
      if (diff.exitCode !== 2 || !diff.stdout) {
        console.log('The schema matches the migrations: no migration written.');
        return 0;
      }
      script = diff.stdout;
    } finally {
      engine.free();
    }

    const directory = `${nextTimestamp()}_${name}`;
    const target = path.join(migrationsDir, directory);
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, MIGRATION_FILE), script, 'utf8');
    const lockfile = path.join(migrationsDir, MIGRATION_LOCK_FILE);
    if (!fs.existsSync(lockfile)) fs.writeFileSync(lockfile, MIGRATION_LOCK_CONTENT, 'utf8');

    // Catch SQL the engine got wrong now, not at the next start of the portal.
    try {
      await applyMigrations({ driver, log: () => undefined });
    } catch (error) {
      fs.rmSync(target, { recursive: true, force: true });
      throw error;
    }
    console.log(`Wrote ${path.relative(process.cwd(), path.join(target, MIGRATION_FILE))}`);
    return 0;
  } finally {
    await closeDriver(driver);
  }
}

/** Prisma's folder prefix (UTC, to the second), kept strictly after the newest existing migration. */
function nextTimestamp(): string {
  const now = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const newest = readMigrationsFolder().at(-1)?.name.slice(0, 14);
  if (!newest || !/^\d{14}$/.test(newest) || now > newest) return now;
  const next = new Date(
    Date.UTC(+newest.slice(0, 4), +newest.slice(4, 6) - 1, +newest.slice(6, 8), +newest.slice(8, 10), +newest.slice(10, 12), +newest.slice(12, 14) + 1),
  );
  return next.toISOString().replace(/\D/g, '').slice(0, 14);
}

/** Roughly what `prisma migrate dev --name` does to a name: lower-case words joined by "_". */
function slugify(input: string): string {
  const german: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };
  return input
    .replace(/[äöüßÄÖÜ]/g, (letter) => german[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z\d]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 200);
}

// An exclusive lock file, so that two runs in one checkout cannot both read the same migrations and
// write conflicting new ones: a second run waits, then diffs against the first one's result. A lock
// left by a crashed run (its process is gone) is taken over.
async function acquireLock(): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
    if (!Number.isInteger(holder) || !processIsAlive(holder)) {
      fs.rmSync(lockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`Another db:migration run (process ${holder}) still holds ${lockFile}.`);
    }
    if (attempt === 0) console.log(`Waiting for another db:migration run (process ${holder}) to finish...`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const release = () => fs.rmSync(lockFile, { force: true });
  process.once('SIGINT', () => {
    release();
    process.exit(130);
  });
  process.once('SIGTERM', () => {
    release();
    process.exit(143);
  });
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
