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

const TOTAL = 1_000_000;
const BIG = 10_000;
const SMALL = 100;
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
      const { big, small } = await seed(prisma);
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
        const bigMs = await median(() => listLetters(big, bigFilter));
        const smallMs = await median(() => listLetters(small, smallFilter));
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

type Db = Awaited<typeof import('../../lib/db')>['prisma'];

async function seed(prisma: Db): Promise<{ big: string; small: string }> {
  // Members n = 0..9901: 0 is the big one, 1 the small one. KVNRs need not be valid here, only unique.
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Member" (id, kvnr, "firstName", "lastName", "birthDate", street, "houseNumber", "postalCode", city, email, "membershipType", level, "appCommunication", "updatedAt")
    SELECT gen_random_uuid(), 'Z' || lpad(n::text, 9, '0'), 'Bench', 'Mitglied ' || n, DATE '1980-01-01', 'Teststraße', '1', '20095', 'Hamburg',
           'bench' || n || '@example.test', 'COMPULSORY', 'SMART', true, now()
    FROM generate_series(0, ${OTHER_MEMBERS + 1}) AS n`);
  await prisma.$executeRawUnsafe(`CREATE TEMP TABLE bench_member AS SELECT id, substr(kvnr, 2)::int AS n FROM "Member" WHERE kvnr LIKE 'Z%'`);
  // One small PDF shared by every row: the benchmark is about the list, not about storing files.
  const [file] = await prisma.$queryRawUnsafe<{ id: string }[]>(`
    INSERT INTO "StoredFile" (id, "contentType", size, sha256, data) VALUES (gen_random_uuid(), 'application/pdf', 9, repeat('0', 64), '%PDF-1.4\n'::bytea) RETURNING id`);
  // Row g: g < BIG → big member, next SMALL → small member, the rest round-robin over the others.
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Letter" (id, "memberId", folder, kind, category, subject, "deliveredAt", "readAt", "archivedAt", "retentionUntil", "fileId")
    SELECT gen_random_uuid(), m.id,
           (CASE WHEN s.i % 10 = 9 THEN 'ARCHIVE' ELSE 'INBOX' END)::"LetterFolder",
           'LETTER',
           (ARRAY['MEMBERSHIP','CONTRIBUTIONS','BENEFITS','SICK_PAY','DOCUMENTS','HEALTH_CARD','GENERAL'])[1 + s.g % 7]::"LetterCategory",
           (ARRAY['Ihre Mitgliedsbescheinigung','Bescheid über Ihren Antrag auf Kostenübernahme','Bitte reichen Sie fehlende Unterlagen nach',
                  'Information zu Ihrem Beitrag ab 1. Januar','Ihre neue elektronische Gesundheitskarte'])[1 + s.g % 5] || ' (' || s.g || ')',
           now() - (s.i * interval '7 hours') - (s.g % 3600) * interval '1 second',
           CASE WHEN s.i % 4 = 0 THEN NULL ELSE now() END,
           CASE WHEN s.i % 10 = 9 THEN now() END,
           (now() + interval '10 years')::date,
           '${file!.id}'::uuid
    FROM (
      SELECT g,
             CASE WHEN g < ${BIG} THEN 0 WHEN g < ${BIG + SMALL} THEN 1 ELSE 2 + (g % ${OTHER_MEMBERS}) END AS n,
             CASE WHEN g < ${BIG} THEN g WHEN g < ${BIG + SMALL} THEN g - ${BIG} ELSE g / ${OTHER_MEMBERS} END AS i
      FROM generate_series(0, ${TOTAL - 1}) AS g
    ) s JOIN bench_member m ON m.n = s.n`);
  // As a long-running database would be: hint bits set and the visibility map current (index-only scans).
  await prisma.$executeRawUnsafe('VACUUM ANALYZE "Letter"');
  const ids = await prisma.$queryRawUnsafe<{ id: string; n: number }[]>('SELECT id, n FROM bench_member WHERE n IN (0, 1)');
  return { big: ids.find((r) => r.n === 0)!.id, small: ids.find((r) => r.n === 1)!.id };
}

async function median(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

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
