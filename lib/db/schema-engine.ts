import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import * as wasmBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaContainer, SchemaEngine } from '@prisma/schema-engine-wasm';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { SqlDriver } from './driver';
import { MIGRATION_FILE, MIGRATION_LOCK_FILE, readMigrationsFolder, resolveMigrationsDir } from './migrations-folder';

// Prisma's schema engine compiled to WebAssembly: diffs schemas offline, where the CLI's native
// engine would have to be downloaded. Development tooling only; the portal never loads it.

export const SCHEMA_DIR = path.join('prisma', 'schema');
export const NO_SCHEMA_FILTER = { externalTables: [], externalEnums: [] };

let wasmReady = false;

// The package imports its .wasm file as an ES module, which Node 20 refuses; instantiate it by hand.
function loadWasm(): void {
  if (wasmReady) return;
  const require = createRequire(import.meta.url);
  const bindingsFile = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmModule = new WebAssembly.Module(fs.readFileSync(path.join(path.dirname(bindingsFile), 'schema_engine_bg.wasm')));
  const instance = new WebAssembly.Instance(wasmModule, {
    './schema_engine_bg.js': wasmBindings as unknown as WebAssembly.ModuleImports,
  });
  // The engine reports Rust panics here before it throws.
  const registry = globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  registry.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message) => console.error(`[schema-engine] panic: ${message}`) };
  wasmBindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  wasmReady = true;
}

/** The Prisma schema files (multi-file schema), as the engine takes them. */
export function readSchemaFiles(dir: string = SCHEMA_DIR): SchemaContainer[] {
  const root = path.resolve(process.cwd(), dir);
  return fs
    .readdirSync(root)
    .filter((file) => file.endsWith('.prisma'))
    .sort()
    .map((file) => ({ path: path.join(root, file), content: fs.readFileSync(path.join(root, file), 'utf8') }));
}

/** The migrations folder in the engine's input format. */
export function readMigrationList(dir?: string): MigrationList {
  const baseDir = resolveMigrationsDir(dir);
  const lockFile = path.join(baseDir, MIGRATION_LOCK_FILE);
  return {
    baseDir,
    lockfile: { path: MIGRATION_LOCK_FILE, content: fs.existsSync(lockFile) ? fs.readFileSync(lockFile, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: readMigrationsFolder(dir).map((migration) => ({
      path: migration.name,
      migrationFile: { path: MIGRATION_FILE, content: { tag: 'ok', value: migration.script } },
    })),
  };
}

/** A schema engine connected to the given database. Call `free()` when done. */
export async function openSchemaEngine(
  driver: SqlDriver,
  schemaFiles: SchemaContainer[] = readSchemaFiles(),
  onLog: (line: string) => void = () => undefined,
): Promise<SchemaEngine> {
  loadWasm();
  // pglite-prisma-adapter is built against an older @prisma/driver-adapter-utils; the interface is the same.
  const adapter: SqlMigrationAwareDriverAdapterFactory =
    driver.kind === 'postgresql'
      ? new PrismaPg(driver.pool)
      : (new PrismaPGlite(driver.pglite) as unknown as SqlMigrationAwareDriverAdapterFactory);
  return wasmBindings.SchemaEngine.new(
    { datamodels: schemaFiles.map((file): [string, string] => [file.path, file.content]) },
    onLog,
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
}
