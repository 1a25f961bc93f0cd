import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCopyleft, licenceProblems, productionPackages } from '../../scripts/check-licences.mjs';

const script = path.join(process.cwd(), 'scripts/check-licences.mjs');

function run(lockfile: object): { status: number; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hek-licences-'));
  const file = path.join(dir, 'package-lock.json');
  fs.writeFileSync(file, JSON.stringify(lockfile));
  try {
    return { status: 0, output: execFileSync('node', [script, file], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const failed = error as { status: number; stderr: string };
    return { status: failed.status, output: failed.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const lock = (packages: Record<string, object>) => ({ lockfileVersion: 3, packages: { '': { name: 'app' }, ...packages } });

describe('licence check', () => {
  it('reads SPDX expressions: an OR with a permissive choice is fine, an AND with copyleft is not', () => {
    expect(isCopyleft('MIT')).toBe(false);
    expect(isCopyleft('AGPL-3.0-or-later')).toBe(true);
    expect(isCopyleft('LGPL-2.1')).toBe(true);
    expect(isCopyleft('SSPL-1.0')).toBe(true);
    expect(isCopyleft('EUPL-1.2')).toBe(true);
    expect(isCopyleft('(MIT OR GPL-3.0)')).toBe(false);
    expect(isCopyleft('Apache-2.0 AND GPL-2.0-only')).toBe(true);
    expect(isCopyleft('BSD-3-Clause')).toBe(false);
  });

  it('fails on a transitive production dependency under the AGPL and passes over dev dependencies', () => {
    const failing = run(
      lock({
        'node_modules/next': { version: '16.0.0', license: 'MIT' },
        'node_modules/next/node_modules/ua-parser-js': { version: '2.0.10', license: 'AGPL-3.0-or-later' },
        'node_modules/gpl-tool': { version: '1.0.0', license: 'GPL-3.0', dev: true },
      }),
    );
    expect(failing.status).toBe(1);
    expect(failing.output).toContain('ua-parser-js@2.0.10');
    expect(failing.output).not.toContain('gpl-tool');

    const passing = run(lock({ 'node_modules/bowser': { version: '2.15.0', license: 'MIT' }, 'node_modules/gpl-tool': { version: '1.0.0', license: 'GPL-3.0', dev: true } }));
    expect(passing.status).toBe(0);
    // Two node processes: more than the unit default of 5 s on a busy machine.
  }, 30_000);

  it('fails on a package that declares no licence, and an exception holds only for the licence it was reviewed under', () => {
    const packages = productionPackages(
      lock({
        'node_modules/mystery': { version: '1.0.0' },
        'node_modules/@img/sharp-libvips-linux-x64': { version: '1.3.4', license: 'LGPL-3.0-or-later' },
        'node_modules/@img/sharp-libvips-linux-arm64': { version: '1.3.4', license: 'GPL-3.0' },
      }),
      null,
    );
    expect(licenceProblems(packages).map((p: { name: string }) => p.name)).toEqual(['mystery', '@img/sharp-libvips-linux-arm64']);
  });

  it('passes on the project itself', () => {
    expect(execFileSync('node', [script], { encoding: 'utf8' })).toContain('Licence check passed');
  }, 30_000);
});
