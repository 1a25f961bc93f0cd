import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
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
      client.$on('query', countStatement);
      globalForPrisma.__hekPrisma = client as unknown as PrismaClient;
    } else {
      globalForPrisma.__hekPrisma = new PrismaClient({ adapter });
    }
  }
  return globalForPrisma.__hekPrisma;
}

function countStatement(): void {
  globalForPrisma.__hekSqlCount = (globalForPrisma.__hekSqlCount ?? 0) + 1;
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

// pg reads a date column as local midnight; Prisma, and PGlite, as midnight UTC. Every other type the
// portal's read queries return (timestamptz, text, uuid, enums as text, booleans, int) pg reads as Prisma does.
const DATE_OID = 1082;
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID && format !== 'binary' ? (value: string) => new Date(`${value}T00:00:00.000Z`) : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/**
 * A read-only statement sent straight to the driver Prisma uses (the pool, or PGlite), for the few that run
 * on every page view: the session, the navigation's badges, the Postfach's page. Prisma's $queryRaw spends
 * about 0.2 ms of the server's time per statement on planning and converting it (scripts/bench/pages.ts
 * shows what that costs a page view); the rows come back with the same types. Never for writes: those go
 * through Prisma, inside its transactions. Outside a transaction, as $queryRaw is.
 */
export async function readRows<T>(query: Prisma.Sql): Promise<T[]> {
  if (process.env.BENCH_ROUTES === '1') countStatement();
  const driver = sharedDriver();
  if (driver.kind === 'postgresql') {
    const result = await driver.pool.query({ text: query.text, values: query.values, types: pgTypes });
    return result.rows as T[];
  }
  return (await driver.pglite.query<T>(query.text, query.values)).rows;
}
