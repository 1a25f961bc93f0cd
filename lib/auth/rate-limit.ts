import 'server-only';
import { prisma } from '@/lib/db';

export type LimitState = { limited: boolean; retryAfterSeconds: number };

/**
 * Fixed-window counters in the database, so that every instance of the portal sees the same count.
 * Instants are timestamptz and compared with the server's now(), so the window lasts as long in any
 * server time zone.
 *
 * The way to guard a check (a password, a passkey, a code): consumeLimit() before it, one atomic
 * statement that takes an attempt only while fewer than `max` are used up; giveBack() or clearLimit()
 * after a success. Of any number of concurrent attempts, at most `max` reach the check per window.
 */
export async function consumeLimit(key: string, max: number, windowSeconds: number): Promise<LimitState> {
  // The conditional DO UPDATE locks the row, so concurrent statements see each other's increments;
  // a full bucket is not updated and returns no row.
  const rows = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "resetAt")
    VALUES (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."resetAt" <= now() THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimitBucket"."resetAt" <= now()
                       THEN now() + make_interval(secs => ${windowSeconds}) ELSE "RateLimitBucket"."resetAt" END
      WHERE "RateLimitBucket"."resetAt" <= now() OR "RateLimitBucket"."count" < ${max}
    RETURNING "count"`;
  if (rows.length > 0) return { limited: false, retryAfterSeconds: 0 };
  return { limited: true, retryAfterSeconds: await secondsLeft(key) };
}

/** Returns one attempt taken by consumeLimit() (the check succeeded, or never ran). */
export async function giveBack(key: string): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "RateLimitBucket" SET "count" = "count" - 1 WHERE "key" = ${key} AND "count" > 0 AND "resetAt" > now()`;
}

/**
 * Counts one failure after the fact, for counters that limit how often something happens rather than
 * guard a check (prefer consumeLimit() before a check).
 */
export async function registerFailure(key: string, max: number, windowSeconds: number): Promise<LimitState> {
  const rows = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "resetAt")
    VALUES (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."resetAt" <= now() THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimitBucket"."resetAt" <= now()
                       THEN now() + make_interval(secs => ${windowSeconds}) ELSE "RateLimitBucket"."resetAt" END
    RETURNING "count"`;
  const count = rows[0]?.count ?? 0;
  if (count < max) return { limited: false, retryAfterSeconds: 0 };
  return { limited: true, retryAfterSeconds: await secondsLeft(key) };
}

/** Whether `max` attempts are used up in the current window (a read; use consumeLimit() to guard a check). */
export async function checkLimit(key: string, max: number): Promise<LimitState> {
  const rows = await prisma.$queryRaw<{ count: number; seconds: number }[]>`
    SELECT "count", ceil(extract(epoch FROM "resetAt" - now()))::int AS "seconds"
    FROM "RateLimitBucket" WHERE "key" = ${key} AND "resetAt" > now()`;
  const row = rows[0];
  if (!row || row.count < max) return { limited: false, retryAfterSeconds: 0 };
  return { limited: true, retryAfterSeconds: Math.max(1, row.seconds) };
}

export async function clearLimit(key: string): Promise<void> {
  await prisma.rateLimitBucket.deleteMany({ where: { key } });
}

/** Seconds until the key's window ends, measured by the database's clock (never the app server's). */
async function secondsLeft(key: string): Promise<number> {
  const rows = await prisma.$queryRaw<{ seconds: number }[]>`
    SELECT ceil(extract(epoch FROM "resetAt" - now()))::int AS "seconds" FROM "RateLimitBucket" WHERE "key" = ${key}`;
  return Math.max(1, rows[0]?.seconds ?? 1);
}
