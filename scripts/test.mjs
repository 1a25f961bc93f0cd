#!/usr/bin/env node
// `npm test`: unit and integration tests (vitest), the production build (next build), the end-to-end
// tests (playwright) against that build. Stops at the first failing step, with its exit code.
//
// Environment: DATABASE_URL (tests run against that PostgreSQL server; unset: embedded PGlite),
// SKIP_BUILD=1 (reuse the existing .next build), CHROMIUM_PATH (browser for Playwright),
// VITEST_PROJECT=unit|integration (only that vitest project), E2E_GREP=@smoke (only the end-to-end tests
// whose title matches, read by playwright.config.ts), E2E_PROJECT=desktop|mobile (only that Playwright project),
// TEST_COUNTS_FILE (append "<passed> <failed>" for this run, used by .ci/run to sum several runs).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import { chromiumExecutablePath, DEBIAN_CHROMIUM } from '../tests/e2e/chromium.mjs';

// Checked first: finding out after a build of several minutes would waste them.
requireChromium();

const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hek-test-reports-'));
const vitestReport = path.join(reportDir, 'vitest.json');
const playwrightReport = path.join(reportDir, 'playwright.json');

const steps = [
  {
    name: 'vitest',
    title: process.env.VITEST_PROJECT ? `Vitest, project ${process.env.VITEST_PROJECT} only (VITEST_PROJECT)` : 'Unit and integration tests (vitest)',
    args: [
      'run',
      'test:unit',
      '--',
      ...(process.env.VITEST_PROJECT ? [`--project=${process.env.VITEST_PROJECT}`] : []),
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${vitestReport}`,
    ],
    counts: () => vitestCounts(vitestReport),
  },
  {
    name: 'next build',
    title: 'Production build (next build)',
    args: ['run', 'build'],
    skipReason: process.env.SKIP_BUILD === '1' ? 'SKIP_BUILD=1, using the existing .next build' : undefined,
  },
  {
    name: 'playwright',
    title: process.env.E2E_GREP ? `End-to-end tests matching ${process.env.E2E_GREP} (playwright, E2E_GREP)` : 'End-to-end tests (playwright)',
    args: ['run', 'test:e2e', ...(process.env.E2E_PROJECT ? ['--', `--project=${process.env.E2E_PROJECT}`] : [])],
    env: { E2E_JSON_REPORT: playwrightReport },
    counts: () => playwrightCounts(playwrightReport),
  },
];

/** @type {import('node:child_process').ChildProcess | undefined} */
let current;
/** @type {{ name: string, seconds: number, outcome: string }[]} */
const results = [];
let exitCode = 0;

// Ctrl+C reaches the running step directly (same process group); this script only waits for it to end.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => current?.kill('SIGTERM'));

for (const step of steps) {
  console.log(`\n=== ${step.title} ===`);
  if (step.skipReason) {
    console.log(`Skipped: ${step.skipReason}.`);
    results.push({ name: step.name, seconds: 0, outcome: 'skipped' });
    continue;
  }
  const started = Date.now();
  const code = await run('npm', step.args, { ...process.env, ...step.env });
  const seconds = (Date.now() - started) / 1000;
  results.push({ name: step.name, seconds, outcome: code === 0 ? 'ok' : `FAILED (exit code ${code})` });
  if (code !== 0) {
    exitCode = code;
    break;
  }
}

printSummary();
fs.rmSync(reportDir, { recursive: true, force: true });
process.exit(exitCode);

/** @returns {Promise<number>} */
function run(command, args, env) {
  return new Promise((resolve) => {
    current = spawn(command, args, { env, stdio: 'inherit' });
    current.once('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolve(1);
    });
    current.once('exit', (code, signal) => resolve(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1)));
  });
}

function requireChromium() {
  const configured = chromiumExecutablePath();
  const executable = configured ?? chromium.executablePath();
  if (fs.existsSync(executable)) return;
  const hint = process.env.CHROMIUM_PATH
    ? `CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`
    : `Neither ${DEBIAN_CHROMIUM} nor Playwright's own Chromium (${executable}) is installed.`;
  console.error(
    `No Chromium for the end-to-end tests. ${hint}\n` +
      'Install one of them:\n' +
      '  sudo apt-get install -y chromium      (Debian/Ubuntu; used from /usr/bin/chromium)\n' +
      '  npx playwright install chromium       (needs internet access)\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
  );
  process.exit(1);
}

/** Vitest's JSON report in Jest's format; a test file that fails to load counts as one failure. */
function vitestCounts(file) {
  const report = readJson(file);
  if (!report) return undefined;
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0);
  return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles.length };
}

/** Playwright's JSON report; errors outside tests (a failed global setup) count as failures. */
function playwrightCounts(file) {
  const report = readJson(file);
  if (!report) return undefined;
  const { expected, unexpected, flaky } = report.stats;
  return { passed: expected + flaky, failed: unexpected + (report.errors?.length ?? 0) };
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function printSummary() {
  console.log('\n=== Summary ===');
  for (const result of results) {
    const time = result.outcome === 'skipped' ? '' : `${result.seconds.toFixed(1)} s`;
    console.log(`  ${result.name.padEnd(12)} ${time.padStart(8)}  ${result.outcome}`);
  }
  const counted = steps.map((step) => step.counts?.()).filter(Boolean);
  if (counted.length === 0) return;
  const passed = counted.reduce((sum, c) => sum + c.passed, 0);
  const failed = counted.reduce((sum, c) => sum + c.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  if (process.env.TEST_COUNTS_FILE) fs.appendFileSync(process.env.TEST_COUNTS_FILE, `${passed} ${failed}\n`);
}
