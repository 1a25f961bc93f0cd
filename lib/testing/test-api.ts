import 'server-only';
import crypto from 'node:crypto';
import { env } from '@/lib/config/env';

/**
 * The end-to-end tests prepare data through /api/test/* (the embedded database is one process: a test
 * cannot open it beside the running portal). Those routes exist only when TEST_API_TOKEN is set — the
 * e2e harness sets a random one — and answer 404 otherwise, as if they did not exist.
 */
export function testApiAllowed(request: Request): boolean {
  // Read through the checked configuration: with a non-local APP_URL the portal refuses to start with it.
  const expected = env().TEST_API_TOKEN;
  if (!expected || expected.length < 32) return false;
  const given = request.headers.get('x-test-api-token') ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function notFound(): Response {
  return new Response('Not Found', { status: 404 });
}
