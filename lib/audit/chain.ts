import 'server-only';
import crypto from 'node:crypto';
import { prisma } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { RequestMeta } from '@/lib/http/request-meta';
import { auditEvent } from './commands';

/**
 * The staff audit log (every staff action, every page and action during an impersonation) as a hash
 * chain: each entry's hash is SHA-256(previous hash + canonical entry). Changing, deleting or reordering
 * an entry breaks the chain from there on; `npm run audit:head` exports the head so that a rewritten
 * tail is found as well. The portal only ever appends: no code path updates or deletes an entry.
 */
export const GENESIS_HASH = '0'.repeat(64);

export type StaffAuditInput = {
  action: string;
  /** The staff member acting; null for the system (an impersonation that ran out). */
  staff: { id: string; name: string } | null;
  subjectMemberId?: string | null;
  impersonationId?: string | null;
  /** What was seen or done: a path, a queue item's id. Never health data or secrets. */
  target?: string | null;
  reason?: string | null;
  meta?: RequestMeta;
};

type EntryFields = {
  createdAt: Date;
  actorType: string;
  staffId: string | null;
  staffName: string | null;
  subjectMemberId: string | null;
  impersonationId: string | null;
  action: string;
  target: string | null;
  reason: string | null;
  ip: string | null;
  userAgent: string | null;
};

/** The entry as hashed: its fields in a fixed order, as JSON (the same in the portal and the check). */
export function canonicalEntry(entry: EntryFields): string {
  return JSON.stringify([
    entry.createdAt.toISOString(),
    entry.actorType,
    entry.staffId,
    entry.staffName,
    entry.subjectMemberId,
    entry.impersonationId,
    entry.action,
    entry.target,
    entry.reason,
    entry.ip,
    entry.userAgent,
  ]);
}

export function chainHash(prevHash: string, canonical: string): string {
  return crypto.createHash('sha256').update(prevHash + canonical, 'utf8').digest('hex');
}

function fieldsOf(input: StaffAuditInput): EntryFields {
  return {
    createdAt: new Date(),
    actorType: input.staff ? 'STAFF' : 'SYSTEM',
    staffId: input.staff?.id ?? null,
    staffName: input.staff?.name ?? null,
    subjectMemberId: input.subjectMemberId ?? null,
    impersonationId: input.impersonationId ?? null,
    action: input.action,
    target: input.target?.slice(0, 500) ?? null,
    reason: input.reason?.slice(0, 500) ?? null,
    ip: input.meta?.ip ?? null,
    userAgent: input.meta?.userAgent ?? null,
  };
}

/**
 * The append as one statement, for the caller's batch transaction: it moves the single head row on
 * (whose row lock serialises concurrent writers, so the chain cannot fork) and inserts the entry with
 * the hash PostgreSQL computed from the head's previous hash. The same formula as chainHash().
 */
export function appendStaffAudit(input: StaffAuditInput) {
  const e = fieldsOf(input);
  const canonical = canonicalEntry(e);
  return prisma.$executeRaw`
    WITH head AS (
      UPDATE "StaffAuditHead"
      SET "seq" = "seq" + 1, "prevHash" = "hash", "hash" = encode(sha256(convert_to("hash" || ${canonical}, 'UTF8')), 'hex')
      WHERE "id" = 1
      RETURNING "seq", "prevHash", "hash"
    )
    INSERT INTO "StaffAuditEntry" ("seq", "createdAt", "actorType", "staffId", "staffName", "subjectMemberId", "impersonationId",
      "action", "target", "reason", "ip", "userAgent", "canonical", "prevHash", "hash")
    SELECT head."seq", ${e.createdAt.toISOString()}::timestamptz, ${e.actorType}, ${e.staffId}::uuid, ${e.staffName}, ${e.subjectMemberId}::uuid,
      ${e.impersonationId}::uuid, ${e.action}, ${e.target}, ${e.reason}, ${e.ip}, ${e.userAgent}, ${canonical}, head."prevHash", head."hash"
    FROM head`;
}

/**
 * A staff action that the member sees in their Zugriffsprotokoll: the chain entry and an AuditEvent with
 * actor STAFF (subjectMemberId = the member), both for the same batch transaction.
 */
export function staffAuditOps(input: StaffAuditInput & { memberVisible?: boolean; details?: Record<string, string> }) {
  const ops = [appendStaffAudit(input)];
  if (input.memberVisible && input.subjectMemberId) {
    return [
      ...ops,
      auditEvent({
        action: input.action,
        actor: input.staff ? { type: 'STAFF', id: input.staff.id } : { type: 'SYSTEM' },
        subjectMemberId: input.subjectMemberId,
        meta: input.meta,
        details: { ...(input.staff ? { staffName: input.staff.name } : {}), ...(input.impersonationId ? { impersonationId: input.impersonationId } : {}), ...input.details },
      }),
    ];
  }
  return ops;
}

/**
 * What a staff action adds to the command it calls: the chain's entry for the member the command found,
 * written in the command's own transaction, so that the change and its record commit together (and the
 * command's lookup of the row serves both).
 */
export type StaffRecord = (subjectMemberId: string) => Prisma.PrismaPromise<unknown>[];

export async function recordStaffAudit(input: StaffAuditInput & { memberVisible?: boolean; details?: Record<string, string> }): Promise<void> {
  await prisma.$transaction(staffAuditOps(input));
}

export type ChainCheck =
  | { ok: true; entries: number; head: { seq: string; hash: string } }
  | { ok: false; entries: number; brokenAt: string; problem: 'sequence' | 'link' | 'content' | 'hash' | 'head' | 'exported_head' };

/**
 * Walks the chain from the start and names the first entry that does not fit: a gap or a wrong order in
 * the sequence (deleted or reordered), a previous hash that is not its predecessor's, content that is not
 * what was hashed (changed), or a hash that does not match. Then the head row must be the last entry, and
 * an exported head (if given) must still be in the chain with the same hash.
 */
export async function verifyStaffAuditChain(exported?: { seq: string; hash: string }): Promise<ChainCheck> {
  const page = 1000;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1n;
  let cursor = 0n;
  let count = 0;
  let exportedSeen = false;
  for (;;) {
    const rows = await prisma.staffAuditEntry.findMany({ where: { seq: { gt: cursor } }, orderBy: { seq: 'asc' }, take: page });
    for (const row of rows) {
      const brokenAt = row.seq.toString();
      if (row.seq !== expectedSeq) return { ok: false, entries: count, brokenAt, problem: 'sequence' };
      if (row.prevHash !== prevHash) return { ok: false, entries: count, brokenAt, problem: 'link' };
      if (canonicalEntry(row) !== row.canonical) return { ok: false, entries: count, brokenAt, problem: 'content' };
      if (chainHash(row.prevHash, row.canonical) !== row.hash) return { ok: false, entries: count, brokenAt, problem: 'hash' };
      if (exported && brokenAt === exported.seq) {
        if (row.hash !== exported.hash) return { ok: false, entries: count, brokenAt, problem: 'exported_head' };
        exportedSeen = true;
      }
      prevHash = row.hash;
      expectedSeq += 1n;
      count += 1;
      cursor = row.seq;
    }
    if (rows.length < page) break;
  }
  const head = await prisma.staffAuditHead.findUniqueOrThrow({ where: { id: 1 } });
  if (head.seq !== expectedSeq - 1n || head.hash !== prevHash) return { ok: false, entries: count, brokenAt: (expectedSeq - 1n).toString(), problem: 'head' };
  if (exported && exported.seq !== '0' && !exportedSeen) return { ok: false, entries: count, brokenAt: exported.seq, problem: 'exported_head' };
  return { ok: true, entries: count, head: { seq: head.seq.toString(), hash: head.hash } };
}

export async function staffAuditHead(): Promise<{ seq: string; hash: string }> {
  const head = await prisma.staffAuditHead.findUniqueOrThrow({ where: { id: 1 } });
  return { seq: head.seq.toString(), hash: head.hash };
}

export type StaffAuditSearch = { staffId?: string; memberId?: string; action?: string; before?: bigint };

/** Supervisors' search of the log, newest first, 50 a page. */
export function searchStaffAudit(filter: StaffAuditSearch) {
  return prisma.staffAuditEntry.findMany({
    where: {
      ...(filter.staffId ? { staffId: filter.staffId } : {}),
      ...(filter.memberId ? { subjectMemberId: filter.memberId } : {}),
      ...(filter.action ? { action: { startsWith: filter.action } } : {}),
      ...(filter.before ? { seq: { lt: filter.before } } : {}),
    },
    orderBy: { seq: 'desc' },
    take: 50,
  });
}
