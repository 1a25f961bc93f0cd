import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };

let cached: { version: string; build: string } | undefined;

/** The portal's version (package.json) and the build id Next.js wrote for this production build. */
export function portalBuild(): { version: string; build: string } {
  if (cached) return cached;
  let build = 'development';
  try {
    build = fs.readFileSync(path.join(process.cwd(), '.next', 'BUILD_ID'), 'utf8').trim() || build;
  } catch {
    // `next dev` writes no BUILD_ID.
  }
  cached = { version: packageJson.version, build };
  return cached;
}
