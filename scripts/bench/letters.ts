// The benchmarks' letters (mailbox.ts, pages.ts): one member with BIG letters, one with SMALL, and the rest
// of a large table spread over other members, inserted with one SQL statement each.
export const BIG = 10_000;
export const SMALL = 100;

export type Db = Awaited<typeof import('../../lib/db')>['prisma'];

/**
 * Seeds `total` letters: BIG for one member, SMALL for another, the rest spread over `otherMembers`
 * members. Returns the two members' ids.
 */
export async function seedLetters(prisma: Db, { total, otherMembers }: { total: number; otherMembers: number }): Promise<{ big: string; small: string }> {
  // Members n = 0..otherMembers+1: 0 is the big one, 1 the small one. KVNRs need not be valid here, only unique.
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Member" (id, kvnr, "firstName", "lastName", "birthDate", street, "houseNumber", "postalCode", city, email, "membershipType", level, "appCommunication", "updatedAt")
    SELECT gen_random_uuid(), 'Z' || lpad(n::text, 9, '0'), 'Bench', 'Mitglied ' || n, DATE '1980-01-01', 'Teststraße', '1', '20095', 'Hamburg',
           'bench' || n || '@example.test', 'COMPULSORY', 'SMART', true, now()
    FROM generate_series(0, ${otherMembers + 1}) AS n`);
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
             CASE WHEN g < ${BIG} THEN 0 WHEN g < ${BIG + SMALL} THEN 1 ELSE 2 + (g % ${otherMembers}) END AS n,
             CASE WHEN g < ${BIG} THEN g WHEN g < ${BIG + SMALL} THEN g - ${BIG} ELSE g / ${otherMembers} END AS i
      FROM generate_series(0, ${total - 1}) AS g
    ) s JOIN bench_member m ON m.n = s.n`);
  // As a long-running database would be: hint bits set and the visibility map current (index-only scans).
  await prisma.$executeRawUnsafe('VACUUM ANALYZE "Letter"');
  const ids = await prisma.$queryRawUnsafe<{ id: string; n: number }[]>('SELECT id, n FROM bench_member WHERE n IN (0, 1)');
  return { big: ids.find((r) => r.n === 0)!.id, small: ids.find((r) => r.n === 1)!.id };
}

/** Median time of RUNS calls after WARMUP calls, in ms. */
export async function medianTime(run: () => Promise<unknown>, { runs = 31, warmup = 5 } = {}): Promise<number> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

