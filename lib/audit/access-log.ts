import 'server-only';
import { prisma } from '@/lib/db';
import { describeUserAgent } from '@/lib/security/user-agent';

/**
 * The Zugriffsprotokoll: who accessed the member's account. Read from AuditEvent rows whose subject is
 * the member:
 * - own logins: action `auth.login.success` (actor MEMBER), with ip, userAgent and details.method;
 * - staff access: every row with actorType STAFF. The admin area writes them with
 *   details `{ staffName?: string, reason?: string, viewed?: string }` (the name shown, the reason the staff
 *   member gave, and what was looked at) and actions such as `admin.member.viewed`,
 *   `admin.impersonation.started` / `.ended`; unknown actions are listed as a generic staff access.
 */
export type AccessEntry =
  | { kind: 'login'; id: string; at: Date; method: string | null; browser: string | null; os: string | null; ip: string | null }
  | { kind: 'staff'; id: string; at: Date; action: string; staffName: string | null; reason: string | null; viewed: string | null };

const LOGIN_ACTIONS = ['auth.login.success'];

const text = (details: unknown, key: string): string | null => {
  if (!details || typeof details !== 'object') return null;
  const value = (details as Record<string, unknown>)[key];
  return typeof value === 'string' && value.length <= 300 ? value : null;
};

/** Newest first, at most `take` entries (the last 90 days by default). */
export async function accessLog(memberId: string, { take = 100, since = new Date(Date.now() - 90 * 86_400_000) } = {}): Promise<AccessEntry[]> {
  const rows = await prisma.auditEvent.findMany({
    where: {
      subjectMemberId: memberId,
      createdAt: { gte: since },
      OR: [{ actorType: 'MEMBER', action: { in: LOGIN_ACTIONS } }, { actorType: 'STAFF' }],
    },
    orderBy: { createdAt: 'desc' },
    take,
    select: { id: true, createdAt: true, actorType: true, action: true, ip: true, userAgent: true, details: true },
  });
  return rows.map((row): AccessEntry => {
    if (row.actorType === 'STAFF') {
      return { kind: 'staff', id: row.id, at: row.createdAt, action: row.action, staffName: text(row.details, 'staffName'), reason: text(row.details, 'reason'), viewed: text(row.details, 'viewed') };
    }
    const device = describeUserAgent(row.userAgent);
    return { kind: 'login', id: row.id, at: row.createdAt, method: text(row.details, 'method'), browser: device.browser, os: device.os, ip: row.ip };
  });
}
