import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { Prisma, PrismaClient } from '../generated/prisma/client';
import { closeSharedDriver, readDatabaseConfig, sharedDriver, sharedDriverKind } from './driver';

// The only place that decides between PostgreSQL (DATABASE_URL set) and the embedded PGlite.
// Not marked 'server-only': scripts (tsx) and Vitest import it too.

const globalForPrisma = globalThis as typeof globalThis & { __hekPrisma?: PrismaClient; __hekSqlCount?: number };

function prismaClient(): PrismaClient {
  if (!globalForPrisma.__hekPrisma) {
    const driver = sharedDriver();
    const adapter = driver.kind === 'postgresql' ? new PrismaPg(driver.pool) : new PrismaPGlite(driver.pglite);
    if (process.env.BENCH_ROUTES === '1') {
      // The page benchmark counts SQL statements per view (app/bench/sql-count); nothing is logged.
      const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
      client.$on('query', () => {
        globalForPrisma.__hekSqlCount = (globalForPrisma.__hekSqlCount ?? 0) + 1;
      });
      globalForPrisma.__hekPrisma = client as unknown as PrismaClient;
    } else {
      globalForPrisma.__hekPrisma = new PrismaClient({ adapter });
    }
  }
  return globalForPrisma.__hekPrisma;
}

/** SQL statements sent by this process; counted only with BENCH_ROUTES=1 (otherwise 0). */
export function sqlStatementCount(): number {
  return globalForPrisma.__hekSqlCount ?? 0;
}

/**
 * The portal's PrismaClient. Created on first use, so that importing this module (for example
 * while `next build` collects pages) opens no database connection.
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = prismaClient();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});

export function databaseKind(): 'postgresql' | 'pglite' {
  return sharedDriverKind() ?? readDatabaseConfig().kind;
}

/** Closes the client and the connection; the next use of `prisma` opens them again. */
export async function disconnect(): Promise<void> {
  const client = globalForPrisma.__hekPrisma;
  globalForPrisma.__hekPrisma = undefined;
  if (client) await client.$disconnect();
  await closeSharedDriver();
}

/** An instant as a timestamptz parameter of a raw query: both drivers take its ISO text alike. */
export function sqlInstant(instant: Date): Prisma.Sql {
  return Prisma.sql`${instant.toISOString()}::timestamptz`;
}
