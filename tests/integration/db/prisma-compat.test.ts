// Our migration runner and Prisma's own (the schema engine's applyMigrations, which is what
// `prisma migrate deploy` runs) must see the same state in `_prisma_migrations`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { databaseKind, prisma } from '@/lib/db';
import { sharedDriver } from '@/lib/db/driver';
import { applyMigrations } from '@/lib/db/migrate';
import { NO_SCHEMA_FILTER, openSchemaEngine, readMigrationList, readSchemaFiles } from '@/lib/db/schema-engine';

let engine: SchemaEngine;

beforeAll(async () => {
  engine = await openSchemaEngine(sharedDriver());
});

afterAll(() => {
  engine?.free();
});

describe('compatibility with Prisma migrate', () => {
  it('Prisma finds nothing to apply and nothing edited after our runner', async () => {
    const migrationsList = readMigrationList();
    const diagnosis = await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_SCHEMA_FILTER });
    expect(diagnosis).toMatchObject({ history: null, failedMigrationNames: [], editedMigrationNames: [], hasMigrationsTable: true });

    await expect(engine.applyMigrations({ migrationsList, filters: NO_SCHEMA_FILTER })).resolves.toEqual({ appliedMigrationNames: [] });
  });

  // Introspecting real PostgreSQL through @prisma/adapter-pg fails in schema-engine-wasm 7.10
  // ("Column type 'char' could not be deserialized"); new migrations are diffed on PGlite anyway.
  it.skipIf(databaseKind() === 'postgresql')('the migrated database matches the schema', async () => { // skipped on PostgreSQL: schema-engine-wasm cannot introspect it through adapter-pg (see above)
    const files = readSchemaFiles();
    const diff = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: process.cwd() },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: true,
      filters: NO_SCHEMA_FILTER,
    });
    expect(diff.exitCode, diff.stdout ?? '').toBe(0);
  });

  it('our runner accepts a database that Prisma migrated', async () => {
    await prisma.$executeRawUnsafe('DROP SCHEMA public CASCADE');
    await prisma.$executeRawUnsafe('CREATE SCHEMA public');

    const migrationsList = readMigrationList();
    const prismaApplied = await engine.applyMigrations({ migrationsList, filters: NO_SCHEMA_FILTER });
    expect(prismaApplied.appliedMigrationNames).toEqual(migrationsList.migrationDirectories.map((dir) => dir.path));

    await expect(applyMigrations({ log: () => undefined })).resolves.toEqual([]);
  });
});
