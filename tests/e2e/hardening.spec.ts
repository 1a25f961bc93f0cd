import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { findFreePort, startNextServer, stopNextServer, waitUntilAnswering } from './test-portal';

// Headers and refusals of the production server, asked the way an attacker's probe asks: plain HTTP
// requests with chosen headers. No browser page is opened (nothing for axe to audit).

const base = () => process.env.E2E_BASE_URL ?? '';

/** A request with a Host header of our choosing (fetch does not let one set it). */
function get(url: string, headers: Record<string, string> = {}, method = 'GET', body?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    request.on('error', reject);
    if (body) request.write(body);
    request.end();
  });
}

/** A portal of its own on an empty in-memory database, with the given configuration. */
async function withPortal(env: Record<string, string>, work: (url: string) => Promise<void>) {
  const port = await findFreePort(3112);
  const logFile = path.join(os.tmpdir(), `hek-hardening-${crypto.randomUUID()}.log`);
  const server = startNextServer({
    cwd: process.cwd(),
    env: { PATH: process.env.PATH, NODE_ENV: 'production', PGLITE_DATA_DIR: 'memory://', NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'), PORT: String(port), ...env },
    port,
    logFile,
  });
  try {
    await waitUntilAnswering(`http://localhost:${port}/`, server, logFile, 90_000);
    await work(`http://localhost:${port}`);
  } finally {
    if (server.pid) await stopNextServer(server.pid);
  }
}

test('an https APP_URL sends HSTS and upgrade-insecure-requests, whatever address the server binds to', async () => {
  // Starting a portal of its own takes a while on a busy two-core machine.
  test.setTimeout(150_000);
  await withPortal({ APP_URL: 'https://portal.example' }, async (url) => {
    const response = await get(`${url}/login`, { Host: 'portal.example' });
    expect(response.headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains; preload');
    expect(response.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});

test('the portal refuses to start with a demo switch on and an APP_URL that is not localhost, and says why', async () => {
  test.setTimeout(90_000);
  const nextBin = createRequire(path.join(process.cwd(), 'package.json')).resolve('next/dist/bin/next');
  const port = await findFreePort(3116);
  const child = spawn(process.execPath, [nextBin, 'start', '--port', String(port)], {
    env: { PATH: process.env.PATH, NODE_ENV: 'production', PGLITE_DATA_DIR: 'memory://', NEXTAUTH_SECRET: 'x'.repeat(40), APP_URL: 'https://portal.example', IDP_SIMULATORS: 'on', DEMO_MAIL_VIEW: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code).not.toBe(0);
  expect(output).toContain('IDP_SIMULATORS=on, DEMO_MAIL_VIEW=1 are demo switches');
  expect(output).toContain('https://portal.example');
});

test('every response carries the CSP, a prefetch too; members\' files keep their stricter one', async () => {
  const prefetch = await get(`${base()}/postfach`, { Purpose: 'prefetch', 'Next-Router-Prefetch': '1' });
  expect(prefetch.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  const page = await get(`${base()}/login`);
  expect(page.headers['content-security-policy']).toContain("script-src 'self' 'nonce-");
  expect(page.headers['x-frame-options']).toBe('DENY');
  // Local http APP_URL: no HSTS.
  expect(page.headers['strict-transport-security']).toBeUndefined();

  const file = await get(`${base()}/api/letters/00000000-0000-4000-8000-000000000000/pdf`);
  expect(file.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'");
  expect(file.headers['x-frame-options']).toBe('SAMEORIGIN');
});

test('next-auth\'s answers are not cached, and odd input there or in a path is a 4xx, not a 500', async () => {
  const providers = await get(`${base()}/api/auth/providers`);
  expect(providers.status).toBe(200);
  expect(providers.headers['cache-control']).toBe('no-store');

  const json = await get(`${base()}/api/auth/callback/password`, { 'Content-Type': 'application/json' }, 'POST', JSON.stringify({ kvnr: 'x', password: 'y' }));
  expect(json.status).toBeGreaterThanOrEqual(400);
  expect(json.status).toBeLessThan(500);

  const cookie = await get(
    `${base()}/api/auth/callback/password`,
    { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: 'hek.callback-url=%E0%A4%A; next-auth.callback-url=%E0%A4%A' },
    'POST',
    'kvnr=x&password=y&csrfToken=z',
  );
  expect(cookie.status).toBeLessThan(500);

  const path = await get(`${base()}/postfach/%E0%A4%A`);
  expect(path.status).toBe(400);
});
