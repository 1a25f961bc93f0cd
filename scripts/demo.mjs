#!/usr/bin/env node
// `npm run demo`: the portal with demo data on this machine. Builds only when the build is missing or
// older than the sources, applies the migrations, seeds the demo data (idempotent), then runs
// `next start`. Ctrl+C stops it.
//
// Environment: PORT (default 3000); APP_URL and NEXTAUTH_URL (default http://localhost:PORT);
// DATABASE_URL (unset: embedded PGlite in PGLITE_DATA_DIR, default .data/pglite).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const SOURCE_DIRS = ['app', 'lib', 'components', 'messages'];
const SOURCE_FILES = /^(next\.config\.|proxy\.|middleware\.|postcss\.config\.|tailwind\.config\.|package\.json$)/;
const BUILD_ID = path.join('.next', 'BUILD_ID');

const port = process.env.PORT || '3000';
const appUrl = process.env.APP_URL || `http://localhost:${port}`;
// The demo shows the simulated identity providers and, at /dev/outbox, the mails it would send.
const env = {
  IDP_SIMULATORS: 'on',
  DEMO_MAIL_VIEW: '1',
  ...process.env,
  PORT: port,
  APP_URL: appUrl,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || appUrl,
};

/** @type {import('node:child_process').ChildProcess | undefined} */
let current;
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => current?.kill(signal));

const staleness = buildStaleness();
if (staleness) {
  console.log(`Building the portal (${staleness}) …`);
  await runOrExit('npm', ['run', 'build']);
}
console.log(
  process.env.DATABASE_URL
    ? 'Database: the PostgreSQL server in DATABASE_URL'
    : `Database: embedded PGlite in ${process.env.PGLITE_DATA_DIR || '.data/pglite'}`,
);
await runOrExit('npm', ['run', 'db:migrate']);
await runOrExit('npm', ['run', 'db:seed']);

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
current = spawn(process.execPath, [nextBin, 'start', '--port', port], { env, stdio: 'inherit' });
const server = current;
const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve(exitCodeOf(code, signal))));
if (await answers(`http://localhost:${port}/`, exited)) {
  console.log(
    `\nThe HEK smart portal runs at ${appUrl}\n` +
      'Demo logins: see "Demo" in README.md. Stop with Ctrl+C.\n',
  );
}
process.exit(await exited);

/** Why the build must be (re)made, or undefined when .next/BUILD_ID is newer than every source file. */
function buildStaleness() {
  if (!fs.existsSync(BUILD_ID)) return 'no build yet';
  const builtAt = fs.statSync(BUILD_ID).mtimeMs;
  const rootFiles = fs.readdirSync('.').filter((name) => SOURCE_FILES.test(name));
  const dirFiles = SOURCE_DIRS.filter((dir) => fs.existsSync(dir)).flatMap((dir) =>
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name)),
  );
  const changed = [...rootFiles, ...dirFiles].find((file) => fs.statSync(file).mtimeMs > builtAt);
  return changed ? `${changed} changed since the last build` : undefined;
}

/** Runs a command to its end; exits this script with its code if it fails. */
async function runOrExit(command, args) {
  current = spawn(command, args, { env, stdio: 'inherit' });
  const child = current;
  const code = await new Promise((resolve) => {
    child.once('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (exitCode, signal) => resolve(exitCodeOf(exitCode, signal)));
  });
  if (code !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (exit code ${code}).`);
    process.exit(code);
  }
}

/** True once the server gives any HTTP answer; false if it ends first. */
async function answers(url, serverExit) {
  let ended = false;
  serverExit.then(() => (ended = true));
  while (!ended) {
    try {
      await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return false;
}

function exitCodeOf(code, signal) {
  return code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1);
}
