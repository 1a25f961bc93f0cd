import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Outside React Server Components `server-only` throws on import; tests call server code directly.
      { find: /^server-only$/, replacement: path.join(root, 'node_modules/server-only/empty.js') },
    ],
  },
  test: {
    // The machine has two cores; each integration file also runs its own database.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          environment: 'node',
          // A database per test file (tests/setup/integration-db.ts), each file in its own process, copied
          // from one migrated once for the run (tests/setup/integration-template.ts).
          globalSetup: [path.join(root, 'tests/setup/integration-template.ts')],
          setupFiles: [path.join(root, 'tests/setup/integration-db.ts')],
          pool: 'forks',
          isolate: true,
          maxWorkers: 2,
          // Copying the database (PGlite in WebAssembly) takes a second or two, more on a busy machine.
          hookTimeout: 60_000,
          testTimeout: 30_000,
        },
      },
    ],
  },
});
