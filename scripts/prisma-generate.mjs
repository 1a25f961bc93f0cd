// Runs `prisma generate` offline (postinstall, db:generate, before build). The CLI wants a native
// schema engine binary even for generate and downloads one unless PRISMA_SCHEMA_ENGINE_BINARY names an
// existing file; generate never executes it, so a placeholder in the repository will do.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

let cli;
try {
  cli = path.join(path.dirname(createRequire(import.meta.url).resolve('prisma/package.json')), 'build', 'index.js');
} catch {
  // prisma is a devDependency: an install without dev dependencies has nothing to generate with.
  console.warn('prisma-generate: skipped, the prisma CLI is not installed.');
  process.exit(0);
}

const env = { ...process.env };
// No update check over the network on every install.
env.CHECKPOINT_DISABLE ??= '1';
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(root, 'scripts', 'db', 'placeholder-engine');
}

const result = spawnSync(process.execPath, [cli, 'generate'], { cwd: root, env, stdio: 'inherit' });
if (result.error) console.error(`prisma-generate: ${result.error.message}`);
process.exit(result.status ?? 1);
