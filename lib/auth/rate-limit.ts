import 'server-only';
import { prisma } from '@/lib/db';

export type LimitState = { limited: boolean; retryAfterSeconds: number };

/**
 * Fixed-window failure counters in the database, so that every instance of the portal sees the same
 * count. A failure is counted with one atomic upsert; a success clears the counter.
 */
export async function registerFailure(key: string, max: number, windowSeconds: number): Promise<LimitState> {
  const rows = await prisma.$queryRaw<{ count: number; resetAt: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "resetAt")
    VALUES (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."resetAt" <= now() THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimitBucket"."resetAt" <= now()
                       THEN now() + make_interval(secs => ${windowSeconds}) ELSE "RateLimitBucket"."resetAt" END
    RETURNING "count", "resetAt"`;
  const row = rows[0];
  if (!row) return { limited: false, retryAfterSeconds: 0 };
  return stateOf(row.count, row.resetAt, max);
}

export async function checkLimit(key: string, max: number): Promise<LimitState> {
  const row = await prisma.rateLimitBucket.findUnique({ where: { key } });
  if (!row) return { limited: false, retryAfterSeconds: 0 };
  return stateOf(row.count, row.resetAt, max);
}

export async function clearLimit(key: string): Promise<void> {
  await prisma.rateLimitBucket.deleteMany({ where: { key } });
}

function stateOf(count: number, resetAt: Date, max: number): LimitState {
  const remainingMs = resetAt.getTime() - Date.now();
  if (remainingMs <= 0 || count < max) return { limited: false, retryAfterSeconds: 0 };
  return { limited: true, retryAfterSeconds: Math.ceil(remainingMs / 1000) };
}
