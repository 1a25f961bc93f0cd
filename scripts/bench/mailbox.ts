// Benchmark (not a test): does the Postfach list stay fast for a member with 10,000 letters in a
// database of a million? Creates its own database on the PostgreSQL server given by DATABASE_URL,
// seeds 1,000,000 letters (10,000 for one member, 100 for another, the rest spread over 9,900 members),
// measures the list query the page uses (lib/mailbox/queries.ts listLetters) and drops the database.
//
//   DATABASE_URL=postgresql://root@127.0.0.1:5432/postgres npx tsx --conditions=react-server scripts/bench/mailbox.ts
//
// Prints median latencies per member and the ratio big/small; run time is about a minute.
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { BIG, medianTime, seedLetters, SMALL } from './letters';

const TOTAL = 1_000_000;
const OTHER_MEMBERS = 9_900;
const RUNS = 31;
const WARMUP = 5;

async function main(): Promise<number> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl || !/^postgres(ql)?:/.test(serverUrl)) {
    console.error('Set DATABASE_URL to a PostgreSQL server, e.g. postgresql://root@127.0.0.1:5432/postgres');
    return 2;
  }
  const name = `bench_mailbox_${crypto.randomBytes(4).toString('hex')}`;
  const adminUrl = withDatabase(serverUrl, 'postgres');
  await admin(adminUrl, `CREATE DATABASE "${name}" TEMPLATE template0`);
  process.env.DATABASE_URL = withDatabase(serverUrl, name);
  const started = performance.now();
  try {
    // Imported only now, so that lib/db connects to the benchmark's database.
    const { prisma, disconnect } = await import('../../lib/db');
    const { applyMigrations } = await import('../../lib/db/migrate');
    const { listLetters, encodeCursor } = await import('../../lib/mailbox/queries');
    try {
      await applyMigrations({ log: () => undefined });
      const seedStart = performance.now();
      const { big, small } = await seedLetters(prisma, { total: TOTAL, otherMembers: OTHER_MEMBERS });
      console.log(`Seeded ${TOTAL.toLocaleString('en')} letters in ${((performance.now() - seedStart) / 1000).toFixed(1)} s.`);

      const deepCursor = async (memberId: string, offset: number) => {
        const rows = await prisma.$queryRaw<{ deliveredAt: Date; id: string }[]>`
          SELECT "deliveredAt", id FROM "Letter" WHERE "memberId" = ${memberId}::uuid AND folder = 'INBOX'
          ORDER BY "deliveredAt" DESC, id DESC OFFSET ${offset} LIMIT 1`;
        return encodeCursor(rows[0]!);
      };
      const cases = [
        { label: 'first page', filter: () => ({ tab: 'inbox' as const }) },
        { label: 'deep page (cursor at 90 %)', filter: async (id: string, count: number) => ({ tab: 'inbox' as const, cursor: await deepCursor(id, Math.floor(count * 0.9)) }) },
        { label: 'search "Mitgliedsbescheinigung"', filter: () => ({ tab: 'inbox' as const, q: 'Mitgliedsbescheinigung' }) },
        { label: 'search without a hit', filter: () => ({ tab: 'inbox' as const, q: 'Zahnspange' }) },
        { label: 'category + year', filter: () => ({ tab: 'inbox' as const, category: 'BENEFITS' as const, year: new Date().getUTCFullYear() - 1 }) },
      ];
      console.log('\nPostfach list (listLetters, 20 per page), median of', RUNS, 'runs:');
      console.log('case'.padEnd(34), `${BIG} letters`.padStart(14), `${SMALL} letters`.padStart(14), 'ratio'.padStart(8));
      for (const c of cases) {
        const bigFilter = await c.filter(big, inboxCount(BIG));
        const smallFilter = await c.filter(small, inboxCount(SMALL));
        const bigMs = await medianTime(() => listLetters(big, bigFilter), { runs: RUNS, warmup: WARMUP });
        const smallMs = await medianTime(() => listLetters(small, smallFilter), { runs: RUNS, warmup: WARMUP });
        console.log(c.label.padEnd(34), `${bigMs.toFixed(2)} ms`.padStart(14), `${smallMs.toFixed(2)} ms`.padStart(14), `${(bigMs / smallMs).toFixed(2)}×`.padStart(8));
      }
    } finally {
      await disconnect();
    }
  } finally {
    await admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s; database ${name} dropped.`);
  }
  return 0;
}

// Every tenth letter is archived: the inbox holds the other nine.
const inboxCount = (letters: number) => letters - Math.floor(letters / 10);

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
