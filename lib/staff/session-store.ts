import 'server-only';
import crypto from 'node:crypto';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { staffAuditOps } from '@/lib/audit/chain';
import type { RequestMeta } from '@/lib/http/request-meta';
import type { StaffRole } from '@/lib/generated/prisma/enums';

/**
 * Staff sessions in the database, without anything of Next's request (so that domain commands, scripts
 * and the seed can use them): their own table, shorter idle and absolute limits (STAFF_SESSION_IDLE_MINUTES,
 * STAFF_SESSION_MAX_HOURS). The cookie's random token is stored as its SHA-256. The guard is session.ts.
 */
export function hashStaffToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export async function createStaffSession(staff: { id: string; name: string }, meta: RequestMeta): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  const id = crypto.randomUUID();
  await prisma.$transaction([
    prisma.staffSession.create({
      data: {
        id,
        tokenHash: hashStaffToken(token),
        staffId: staff.id,
        expiresAt: new Date(Date.now() + env().STAFF_SESSION_MAX_HOURS * 3600_000),
        ip: meta.ip,
        userAgent: meta.userAgent,
      },
    }),
    ...staffAuditOps({ action: 'staff.login', staff, target: id, meta }),
  ]);
  return token;
}

const TOUCH_INTERVAL_MS = 30_000;

export type ActiveStaffSession = {
  sessionId: string;
  staff: { id: string; name: string; email: string; role: StaffRole };
};

/** A staff session row that is still valid: not revoked, not expired, not idle, account enabled. */
export async function resolveStaffToken(token: string | undefined): Promise<ActiveStaffSession | null> {
  if (!token) return null;
  const session = await prisma.staffSession.findUnique({ where: { tokenHash: hashStaffToken(token) }, include: { staff: true } });
  if (!session) return null;
  return checkStaffSession(session);
}

export async function checkStaffSession(session: {
  id: string;
  revokedAt: Date | null;
  expiresAt: Date;
  lastSeenAt: Date;
  staff: { id: string; name: string; email: string; role: StaffRole; disabledAt: Date | null };
}): Promise<ActiveStaffSession | null> {
  if (session.revokedAt || session.staff.disabledAt) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now) {
    await endStaffSession(session.id, 'expired');
    return null;
  }
  if (session.lastSeenAt.getTime() + env().STAFF_SESSION_IDLE_MINUTES * 60_000 <= now) {
    await endStaffSession(session.id, 'idle');
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await prisma.staffSession.updateMany({ where: { id: session.id, revokedAt: null }, data: { lastSeenAt: new Date(now) } });
  }
  const { id, name, email, role } = session.staff;
  return { sessionId: session.id, staff: { id, name, email, role } };
}

/** A staff session by its id, re-checked (for domain commands that act for a staff member). */
export async function verifyStaffSessionId(sessionId: string): Promise<ActiveStaffSession | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const session = await prisma.staffSession.findUnique({ where: { id: sessionId }, include: { staff: true } });
  return session ? checkStaffSession(session) : null;
}

export async function endStaffSession(sessionId: string, reason: string): Promise<void> {
  const now = new Date();
  await prisma.$transaction([
    prisma.staffSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } }),
    // An impersonation never outlives the staff session it was started from.
    prisma.impersonation.updateMany({ where: { staffSessionId: sessionId, endedAt: null }, data: { endedAt: now, endedReason: 'staff_session_ended' } }),
  ]);
}
