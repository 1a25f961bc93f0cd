import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseKind, disconnect, prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { loginWithPassword } from '@/lib/auth/login';
import { consumeLimit, giveBack } from '@/lib/auth/rate-limit';
import { createMember } from '../../helpers/members';

const meta = { ip: '203.0.113.50', userAgent: 'vitest' };

/**
 * Sets the database server's default time zone for this test database (every new connection starts
 * with it), and checks that a plain client connecting now gets it.
 */
async function useServerTimeZone(zone: string): Promise<void> {
  await prisma.$executeRawUnsafe(`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET TimeZone = %L', current_database(), '${zone}'); END $$`);
  await disconnect();
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    expect((await client.query<{ TimeZone: string }>('SHOW TimeZone')).rows[0]?.TimeZone).toBe(zone);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  if (databaseKind() === 'postgresql') await useServerTimeZone('UTC');
});

describe('login limits under concurrency', () => {
  it('of 25 simultaneous wrong passwords for one KVNR with a limit of 5, at most 5 reach the password check', async () => {
    const { member, kvnr } = await createMember();
    const max = env().LOGIN_MAX_ATTEMPTS;
    expect(max).toBe(5);
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => loginWithPassword({ kvnr, password: `falsch-${i}-xxxxxxxxxx` }, { ...meta, ip: `203.0.113.${60 + i}` })),
    );
    const checked = await prisma.auditEvent.count({ where: { subjectMemberId: member.id, action: 'auth.login.failed' } });
    expect(checked).toBeLessThanOrEqual(max);
    expect(results.filter((r) => !r.ok && r.error === 'invalid_credentials')).toHaveLength(checked);
    expect(results.filter((r) => !r.ok && r.error === 'rate_limited').length).toBeGreaterThanOrEqual(25 - max);
  });

  it('a consumed attempt given back after success does not count', async () => {
    const key = `test:${crypto.randomUUID()}`;
    for (let i = 0; i < 10; i++) {
      expect((await consumeLimit(key, 2, 60)).limited).toBe(false);
      await giveBack(key);
    }
    expect((await consumeLimit(key, 2, 60)).limited).toBe(false);
    expect((await consumeLimit(key, 2, 60)).limited).toBe(false);
    expect(await consumeLimit(key, 2, 60)).toMatchObject({ limited: true });
  });
});

// PGlite runs inside the portal's process with its own default (UTC); there is no server setting to inherit.
describe.skipIf(databaseKind() === 'pglite').each(['Europe/Berlin', 'America/New_York'])('login limits with the database server in %s', (zone) => {
  it('pause for exactly the window after too many wrong passwords, then let the member in', async () => {
    await useServerTimeZone(zone);
    const { kvnr, password } = await createMember();
    const { LOGIN_MAX_ATTEMPTS: max, LOGIN_WINDOW_MINUTES: minutes } = env();
    for (let i = 0; i < max; i++) {
      expect(await loginWithPassword({ kvnr, password: `falsch-${i}-xxxxxxxx` }, meta)).toMatchObject({ error: 'invalid_credentials' });
    }
    const blocked = await loginWithPassword({ kvnr, password }, meta);
    expect(blocked).toMatchObject({ ok: false, error: 'rate_limited' });
    const seconds = !blocked.ok && 'retryAfterSeconds' in blocked ? blocked.retryAfterSeconds : 0;
    // West of UTC the pause must still happen; east of it, it must not last hours longer.
    expect(seconds).toBeGreaterThan(minutes * 60 - 30);
    expect(seconds).toBeLessThanOrEqual(minutes * 60);
    const bucket = await prisma.rateLimitBucket.findUniqueOrThrow({ where: { key: `login:kvnr:${kvnr}` } });
    expect(Math.abs(bucket.resetAt.getTime() - Date.now() - minutes * 60_000)).toBeLessThan(30_000);

    await prisma.$executeRaw`UPDATE "RateLimitBucket" SET "resetAt" = now() - interval '1 second' WHERE "key" = ${`login:kvnr:${kvnr}`}`;
    expect((await loginWithPassword({ kvnr, password }, meta)).ok).toBe(true);
  });
});
