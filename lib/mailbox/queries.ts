import 'server-only';
import { Prisma, type Letter } from '@/lib/generated/prisma/client';
import { prisma, readRows, sqlInstant } from '@/lib/db';
import { isUuid } from './ids';
import type { ListFilter, MailboxTab } from './schema';

export const PAGE_SIZE = 20;

const folderOfTab = { inbox: 'INBOX', sent: 'SENT', archive: 'ARCHIVE' } as const satisfies Record<MailboxTab, string>;

type Cursor = { deliveredAt: Date; id: string };

/** The cursor names the last row of a page: (deliveredAt, id), the list's sort key. */
export function encodeCursor(row: Cursor): string {
  return Buffer.from(`${row.deliveredAt.toISOString()}|${row.id}`).toString('base64url');
}

export function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  const [iso, id] = Buffer.from(value, 'base64url').toString().split('|');
  const deliveredAt = new Date(iso ?? '');
  // A year PostgreSQL cannot compare with (0000, -271821) is no cursor of ours: the first page, not a 500.
  const year = deliveredAt.getUTCFullYear();
  if (Number.isNaN(deliveredAt.getTime()) || year < 1970 || year > 9999 || !isUuid(id)) return null;
  return { deliveredAt, id };
}

/** LIKE treats % and _ as wildcards: a member's search for "100%" means the characters. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type LetterListRow = Pick<Letter, 'id' | 'kind' | 'category' | 'subject' | 'deliveredAt' | 'readAt'> & { attachmentCount: number };

/**
 * One page of the Postfach: keyset paging on (deliveredAt desc, id desc) over the index
 * (memberId, folder, deliveredAt, id), so a deep page costs what the first one does. The search is a
 * case-insensitive substring match on the subject, run over this member's index range only (German
 * compound words: "bescheinigung" finds "Mitgliedsbescheinigung", which a stemmed full-text index would not).
 * Written in SQL: Prisma's attachment count joined a count over every attachment in the database, on every
 * page view; here each row of the page counts its own. The same statement reads the years the folder's
 * letters span (newest first, whatever the filter), which the year filter offers: one round trip per view.
 */
export async function listLetters(memberId: string, filter: Pick<ListFilter, 'tab' | 'category' | 'year' | 'q' | 'cursor'>, pageSize = PAGE_SIZE) {
  const cursor = decodeCursor(filter.cursor);
  const folder = Prisma.sql`${folderOfTab[filter.tab]}::"LetterFolder"`;
  const conditions: Prisma.Sql[] = [Prisma.sql`l."memberId" = ${memberId}::uuid`, Prisma.sql`l."folder" = ${folder}`];
  if (filter.category) conditions.push(Prisma.sql`l."category" = ${filter.category}::"LetterCategory"`);
  if (filter.year) {
    conditions.push(Prisma.sql`l."deliveredAt" >= ${sqlInstant(new Date(Date.UTC(filter.year, 0, 1)))}`, Prisma.sql`l."deliveredAt" < ${sqlInstant(new Date(Date.UTC(filter.year + 1, 0, 1)))}`);
  }
  if (cursor) {
    // The first condition is an index range, the second resolves ties on the same instant.
    conditions.push(
      Prisma.sql`l."deliveredAt" <= ${sqlInstant(cursor.deliveredAt)}`,
      Prisma.sql`(l."deliveredAt" < ${sqlInstant(cursor.deliveredAt)} OR l."id" < ${cursor.id}::uuid)`,
    );
  }
  if (filter.q) conditions.push(Prisma.sql`l."subject" ILIKE ${`%${likeEscape(filter.q)}%`}`);
  // The folder's range is one row; the page joins it, so an empty page still answers with that row.
  const rows = await readRows<Partial<LetterListRow> & { folderNewest: Date | null; folderOldest: Date | null }>(Prisma.sql`
    WITH "range" AS (
      SELECT max("deliveredAt") AS "newest", min("deliveredAt") AS "oldest"
      FROM "Letter" WHERE "memberId" = ${memberId}::uuid AND "folder" = ${folder}
    ), "page" AS (
      SELECT l."id", l."kind"::text AS "kind", l."category"::text AS "category", l."subject", l."deliveredAt", l."readAt",
        (SELECT count(*) FROM "LetterAttachment" a WHERE a."letterId" = l."id")::int AS "attachmentCount"
      FROM "Letter" l
      WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY l."deliveredAt" DESC, l."id" DESC
      LIMIT ${pageSize + 1}
    )
    SELECT p.*, r."newest" AS "folderNewest", r."oldest" AS "folderOldest"
    FROM "range" r LEFT JOIN "page" p ON true
    ORDER BY p."deliveredAt" DESC, p."id" DESC`);
  const found: LetterListRow[] = rows
    .filter((row): row is typeof row & LetterListRow => row.id != null)
    .map(({ id, kind, category, subject, deliveredAt, readAt, attachmentCount }) => ({ id, kind, category, subject, deliveredAt, readAt, attachmentCount }));
  const hasMore = found.length > pageSize;
  const letters = hasMore ? found.slice(0, pageSize) : found;
  const last = letters.at(-1);
  const { folderNewest: newest, folderOldest: oldest } = rows[0] ?? { folderNewest: null, folderOldest: null };
  const years: number[] = [];
  if (newest && oldest) for (let y = newest.getUTCFullYear(); y >= oldest.getUTCFullYear(); y--) years.push(y);
  return { letters, nextCursor: hasMore && last ? encodeCursor(last) : null, years };
}

/** Folders a member can see; postal letters are recorded but are not in the Postfach. */
export const visibleFolders = ['INBOX', 'ARCHIVE', 'SENT'] as const;

/** A letter of this member with its thread, or null (a foreign or postal letter is simply not found). */
export async function getLetter(memberId: string, letterId: string) {
  if (!isUuid(letterId)) return null;
  return prisma.letter.findFirst({
    where: { id: letterId, memberId, folder: { in: [...visibleFolders] } },
    select: {
      id: true,
      folder: true,
      kind: true,
      category: true,
      subject: true,
      body: true,
      deliveredAt: true,
      readAt: true,
      archivedAt: true,
      retentionUntil: true,
      fileId: true,
      attachments: { orderBy: { position: 'asc' }, select: { id: true, fileName: true, file: { select: { size: true, contentType: true } } } },
      inReplyTo: { select: { id: true, subject: true, deliveredAt: true } },
      replies: {
        where: { folder: 'SENT' },
        orderBy: { deliveredAt: 'asc' },
        select: { id: true, subject: true, body: true, deliveredAt: true, attachments: { orderBy: { position: 'asc' }, select: { id: true, fileName: true } } },
      },
    },
  });
}

export type LetterDetail = NonNullable<Awaited<ReturnType<typeof getLetter>>>;

/** The PDF of one of the member's letters, for the download route. */
export async function getLetterPdf(memberId: string, letterId: string) {
  if (!isUuid(letterId)) return null;
  const letter = await prisma.letter.findFirst({
    where: { id: letterId, memberId, folder: { in: [...visibleFolders] }, fileId: { not: null } },
    select: { subject: true, deliveredAt: true, file: { select: { data: true, contentType: true, size: true } } },
  });
  return letter?.file ? { subject: letter.subject, deliveredAt: letter.deliveredAt, file: letter.file } : null;
}

/** A file the member attached to a reply or submission; the ownership check runs through the letter. */
export async function getAttachment(memberId: string, letterId: string, attachmentId: string) {
  if (!isUuid(letterId) || !isUuid(attachmentId)) return null;
  return prisma.letterAttachment.findFirst({
    where: { id: attachmentId, letterId, letter: { memberId, folder: { in: [...visibleFolders] } } },
    select: { fileName: true, file: { select: { data: true, contentType: true, size: true } } },
  });
}
