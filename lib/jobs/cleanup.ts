import 'server-only';
import crypto from 'node:crypto';
import { env } from '@/lib/config/env';
import { prisma, sqlInstant } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { addDays, berlinDate, germanDate, isoDate } from '@/lib/insurance/calendar';
import { documentTranslator } from '@/lib/pdf/texts';

// Housekeeping: nothing the portal writes grows forever. Every statement claims its rows with
// FOR UPDATE SKIP LOCKED (or a per-member advisory lock held for one statement), so several instances,
// or an instance and `npm run cleanup`, can run at the same time and each row is handled once.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Single-use rows stay a day past their expiry, so a late click still meets "expired", not "unknown". */
const EXPIRED_GRACE_MS = DAY;

export type CleanupOptions = {
  now?: Date;
  /** Rows per statement; a sweep repeats until a batch comes back short. */
  batchSize?: number;
  sessionRetentionDays: number;
  mailRetentionDays: number;
  letterNoticeDays: number;
  sessionMaxHours: number;
};

export type CleanupReport = {
  webauthnChallenges: number;
  deviceChallenges: number;
  identityHandoffs: number;
  simulatorTransactions: number;
  emailConfirmations: number;
  passwordResets: number;
  dataExports: number;
  rateLimitBuckets: number;
  sessions: number;
  sentMails: number;
  retentionNotices: number;
  letters: number;
  letterFiles: number;
};

type Sweep = { kind: keyof CleanupReport; table: string; key: string; where: Prisma.Sql };

export function cleanupOptionsFromEnv(): CleanupOptions {
  const config = env();
  return {
    sessionRetentionDays: config.SESSION_RETENTION_DAYS,
    mailRetentionDays: config.MAIL_RETENTION_DAYS,
    letterNoticeDays: config.LETTER_DELETION_NOTICE_DAYS,
    sessionMaxHours: config.SESSION_MAX_HOURS,
  };
}

function sweeps(now: Date, options: CleanupOptions): Sweep[] {
  const expired = sqlInstant(new Date(now.getTime() - EXPIRED_GRACE_MS));
  // A hand-off matters only to the session that started it, which ends after SESSION_MAX_HOURS at most.
  const handoffCutoff = sqlInstant(new Date(now.getTime() - Math.max(options.sessionMaxHours * HOUR, EXPIRED_GRACE_MS)));
  const sessionCutoff = sqlInstant(new Date(now.getTime() - options.sessionRetentionDays * DAY));
  const mailCutoff = sqlInstant(new Date(now.getTime() - options.mailRetentionDays * DAY));
  return [
    { kind: 'webauthnChallenges', table: 'WebAuthnChallenge', key: 'id', where: Prisma.sql`"expiresAt" < ${expired}` },
    { kind: 'deviceChallenges', table: 'DeviceChallenge', key: 'id', where: Prisma.sql`"expiresAt" < ${expired}` },
    { kind: 'identityHandoffs', table: 'IdentityRequest', key: 'id', where: Prisma.sql`"expiresAt" < ${handoffCutoff}` },
    {
      kind: 'simulatorTransactions',
      table: 'IdpTransaction',
      key: 'id',
      where: Prisma.sql`"expiresAt" < ${expired} AND ("codeExpiresAt" IS NULL OR "codeExpiresAt" < ${expired})`,
    },
    // A replayed result past its own expiry fails on `exp` anyway: the row has done its work.
    { kind: 'emailConfirmations', table: 'EmailConfirmation', key: 'id', where: Prisma.sql`"expiresAt" < ${expired}` },
    // A "Passwort vergessen?" link past its 30 minutes, used or not (the audit log keeps what happened).
    { kind: 'passwordResets', table: 'PasswordReset', key: 'id', where: Prisma.sql`"expiresAt" < ${expired}` },
    // A data export ("Meine Daten") past its seven days, with its archive: a day later it is gone from the list too.
    { kind: 'dataExports', table: 'DataExport', key: 'id', where: Prisma.sql`"expiresAt" < ${expired}` },
    { kind: 'rateLimitBuckets', table: 'RateLimitBucket', key: 'key', where: Prisma.sql`"resetAt" < ${sqlInstant(now)}` },
    // Ended (logged out, revoked, or past its absolute end) longer ago than the retention.
    { kind: 'sessions', table: 'Session', key: 'id', where: Prisma.sql`("expiresAt" < ${sessionCutoff} OR "revokedAt" < ${sessionCutoff})` },
    { kind: 'sentMails', table: 'OutboxEmail', key: 'id', where: Prisma.sql`"sentAt" < ${mailCutoff}` },
  ];
}

async function runSweep(sweep: Sweep, batchSize: number): Promise<number> {
  const table = Prisma.raw(`"${sweep.table}"`);
  const key = Prisma.raw(`"${sweep.key}"`);
  let total = 0;
  for (;;) {
    const deleted = await prisma.$executeRaw`
      DELETE FROM ${table} WHERE ${key} IN (
        SELECT ${key} FROM ${table} WHERE ${sweep.where} LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)`;
    total += deleted;
    if (deleted < batchSize) return total;
  }
}

type NoticeCandidate = { memberId: string; letterIds: string[]; deleteOn: Date; firstName: string; lastName: string; email: string };

/**
 * Tells members, once per letter, that letters reach the end of their Aufbewahrungsfrist: one mail per
 * member (without subjects or content) at least `letterNoticeDays` before deletion. The notice rows and
 * the mail are written by one statement under a per-member lock, so two runs cannot both send it.
 */
async function sendRetentionNotices(now: Date, options: CleanupOptions, batchSize: number): Promise<number> {
  const horizon = isoDate(addDays(berlinDate(now), options.letterNoticeDays));
  const t = documentTranslator('retention.mail');
  const url = `${env().APP_URL.replace(/\/$/, '')}/postfach`;
  let noticed = 0;
  for (;;) {
    const candidates = await prisma.$queryRaw<NoticeCandidate[]>`
      SELECT l."memberId"::text AS "memberId", array_agg(l."id"::text) AS "letterIds",
             min(GREATEST(l."retentionUntil" + 1, ${horizon}::date)) AS "deleteOn", m."firstName", m."lastName", m."email"
      FROM "Letter" l JOIN "Member" m ON m."id" = l."memberId"
      WHERE l."retentionUntil" < ${horizon}::date
        AND NOT EXISTS (SELECT 1 FROM "LetterRetentionNotice" n WHERE n."letterId" = l."id")
      GROUP BY l."memberId", m."firstName", m."lastName", m."email"
      LIMIT ${batchSize}`;
    let progress = 0;
    for (const member of candidates) {
      const values = { name: `${member.firstName} ${member.lastName}`, date: germanDate(member.deleteOn), url };
      const ids = Prisma.join(member.letterIds.map((id) => Prisma.sql`${id}::uuid`));
      const [row] = await prisma.$queryRaw<{ count: number }[]>`
        WITH claim AS (SELECT pg_try_advisory_xact_lock(hashtext(${`letter-retention:${member.memberId}`})) AS "ok"),
        noticed AS (
          INSERT INTO "LetterRetentionNotice" ("letterId", "memberId", "deleteOn", "notifiedAt")
          SELECT l."id", l."memberId", GREATEST(l."retentionUntil" + 1, ${horizon}::date), ${sqlInstant(now)}
          FROM "Letter" l, claim
          WHERE claim."ok" AND l."id" IN (${ids}) AND l."retentionUntil" < ${horizon}::date
            AND NOT EXISTS (SELECT 1 FROM "LetterRetentionNotice" n WHERE n."letterId" = l."id")
          ON CONFLICT ("letterId") DO NOTHING
          RETURNING "letterId"
        ), mail AS (
          INSERT INTO "OutboxEmail" ("id", "memberId", "to", "subject", "text", "kind", "createdAt")
          SELECT ${crypto.randomUUID()}::uuid, ${member.memberId}::uuid, ${member.email}, ${t('subject')}, ${t('text', values)}, 'letter_retention', ${sqlInstant(now)}
          WHERE EXISTS (SELECT 1 FROM noticed)
        )
        SELECT count(*)::int AS "count" FROM noticed`;
      progress += row?.count ?? 0;
    }
    noticed += progress;
    // Members another run holds are left to it; stop when this pass changed nothing.
    if (candidates.length < batchSize || progress === 0) return noticed;
  }
}

/**
 * Deletes letters whose deletion day has come (after their retention date and the notice's lead time),
 * with their replies, attachments and files. Letters are claimed with SKIP LOCKED; the files are
 * deleted once nothing refers to them any more.
 */
async function deleteExpiredLetters(now: Date, batchSize: number): Promise<{ letters: number; files: number }> {
  const today = isoDate(berlinDate(now));
  let letters = 0;
  let files = 0;
  for (;;) {
    const [row] = await prisma.$queryRaw<{ result: { letters: number; files: string[] } }[]>`
      WITH doomed AS (
        SELECT l."id" FROM "Letter" l JOIN "LetterRetentionNotice" n ON n."letterId" = l."id"
        WHERE n."deleteOn" <= ${today}::date AND l."retentionUntil" < ${today}::date
        LIMIT ${batchSize}
        FOR UPDATE OF l SKIP LOCKED
      ), tree AS (
        SELECT "id" FROM doomed
        UNION SELECT r."id" FROM "Letter" r WHERE r."inReplyToId" IN (SELECT "id" FROM doomed)
      ), files AS (
        SELECT l."fileId" AS "id" FROM "Letter" l WHERE l."id" IN (SELECT "id" FROM tree) AND l."fileId" IS NOT NULL
        UNION SELECT a."fileId" FROM "LetterAttachment" a WHERE a."letterId" IN (SELECT "id" FROM tree)
      ), gone AS (
        DELETE FROM "Letter" WHERE "id" IN (SELECT "id" FROM tree) RETURNING "id"
      )
      SELECT json_build_object(
        'letters', (SELECT count(*) FROM gone WHERE "id" IN (SELECT "id" FROM doomed)),
        'files', (SELECT coalesce(json_agg("id"), '[]'::json) FROM files)) AS "result"`;
    const batch = row?.result ?? { letters: 0, files: [] };
    if (batch.files.length > 0) {
      const ids = Prisma.join(batch.files.map((id) => Prisma.sql`${id}::uuid`));
      files += await prisma.$executeRaw`
        DELETE FROM "StoredFile" f WHERE f."id" IN (${ids})
          AND NOT EXISTS (SELECT 1 FROM "Letter" l WHERE l."fileId" = f."id")
          AND NOT EXISTS (SELECT 1 FROM "LetterAttachment" a WHERE a."fileId" = f."id")
          AND NOT EXISTS (SELECT 1 FROM "Certificate" c WHERE c."documentId" = f."id")
          AND NOT EXISTS (SELECT 1 FROM "HealthCardReplacement" h WHERE h."documentId" = f."id")`;
    }
    letters += batch.letters;
    if (batch.letters < batchSize) return { letters, files };
  }
}

/** One full pass of the housekeeping. */
export async function runCleanup(options: CleanupOptions = cleanupOptionsFromEnv()): Promise<CleanupReport> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 500;
  const report = {} as CleanupReport;
  for (const sweep of sweeps(now, options)) report[sweep.kind] = await runSweep(sweep, batchSize);
  report.retentionNotices = await sendRetentionNotices(now, options, batchSize);
  const deleted = await deleteExpiredLetters(now, batchSize);
  report.letters = deleted.letters;
  report.letterFiles = deleted.files;
  return report;
}

/** Counts only: never ids, names or addresses in the log. */
export function describeReport(report: CleanupReport): string {
  const parts = Object.entries(report)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind}=${count}`);
  return parts.length > 0 ? parts.join(' ') : 'nothing to do';
}

/**
 * Started once per server instance (instrumentation.ts): a first pass a minute after start, then every
 * CLEANUP_INTERVAL_MINUTES (0: never; `npm run cleanup` from cron instead).
 */
export function startCleanupJob(intervalMinutes = env().CLEANUP_INTERVAL_MINUTES): void {
  if (intervalMinutes <= 0) return;
  let running = false;
  const pass = async () => {
    if (running) return;
    running = true;
    try {
      const report = await runCleanup();
      console.log(`[cleanup] ${describeReport(report)}`);
    } catch (error) {
      console.error('[cleanup] failed:', error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  setTimeout(pass, 60_000).unref();
  setInterval(pass, intervalMinutes * 60_000).unref();
}
