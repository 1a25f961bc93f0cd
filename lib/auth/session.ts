import 'server-only';
import crypto from 'node:crypto';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { decode } from 'next-auth/jwt';
import { prisma, readRows } from '@/lib/db';
import { Prisma, type Member } from '@/lib/generated/prisma/client';
import { auditEvent } from '@/lib/audit/commands';
import { env } from '@/lib/config/env';
import { loginUrlFor } from './next-path';
import type { RequestMeta } from '@/lib/http/request-meta';
import { guardImpersonatedRequest, impersonationCookieName, resolveImpersonation, type ImpersonationInfo } from '@/lib/staff/impersonation';

export type EndedReason = 'none' | 'expired' | 'idle' | 'revoked';

export function sessionCookieName(): string {
  return env().secureCookies ? '__Secure-hek.session' : 'hek.session';
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export type LoginMethod = 'password' | 'passkey' | 'gesundheitsid';

/**
 * Creates the server-side session after a successful login, with its audit row in the same batch
 * transaction. The returned token goes (encrypted) into the browser's cookie. Every login method ends here.
 */
export async function createSession(
  memberId: string,
  meta: RequestMeta,
  login: { method: LoginMethod; details?: Record<string, string> } = { method: 'password' },
) {
  const token = crypto.randomBytes(32).toString('base64url');
  const id = crypto.randomUUID();
  const [session] = await prisma.$transaction([
    prisma.session.create({
      data: {
        id,
        tokenHash: hashToken(token),
        memberId,
        expiresAt: new Date(Date.now() + env().SESSION_MAX_HOURS * 3600_000),
        ip: meta.ip,
        userAgent: meta.userAgent,
      },
    }),
    auditEvent({
      action: 'auth.login.success',
      actor: { type: 'MEMBER', id: memberId },
      subjectMemberId: memberId,
      meta,
      details: { sessionId: id, method: login.method, ...login.details },
    }),
  ]);
  return { token, session };
}

// Writing lastSeenAt on every request would turn each page view into a write; at most once a minute
// suffices, but never less often than half the idle time, so that a session in use is touched before it
// can look idle (with a one-minute idle time and a one-minute interval it ended after about 80 s).
export function touchIntervalMs(idleMinutes = env().SESSION_IDLE_MINUTES): number {
  return Math.min(60_000, (idleMinutes * 60_000) / 2);
}

// What a page view needs to know of its session, in one statement: the session, its member (every column),
// whether the account still counts, and whether the bound browser is still bound. Prisma's include would
// send four statements (session, member, account, device), about a millisecond of the server's time on
// every page; this runs on every request of the member area. Sent straight to the driver (readRows in lib/db),
// it returns the columns with the same types as Prisma's model (dates as Date, enums as their names), on
// PostgreSQL and PGlite alike.
const memberFields = Object.values(Prisma.MemberScalarFieldEnum);
const memberColumns = Prisma.join(memberFields.map((field) => Prisma.raw(`m."${field}"`)));

/** The member of a session; of the account only what decided whether the session still counts (no password hash). */
export type SessionMember = Member & { account: { lockedAt: Date | null } | null };

type SessionRow = Member & {
  sessionId: string;
  sessionExpiresAt: Date;
  sessionLastSeenAt: Date;
  sessionRevokedAt: Date | null;
  sessionRevokedReason: string | null;
  sessionBoundDeviceId: string | null;
  sessionStepUpAt: Date | null;
  hasAccount: boolean;
  accountLockedAt: Date | null;
  deviceBound: boolean;
};

async function findSessionByTokenHash(tokenHash: string): Promise<SessionRow | undefined> {
  const rows = await readRows<SessionRow>(Prisma.sql`
    SELECT ${memberColumns},
      s."id" AS "sessionId", s."expiresAt" AS "sessionExpiresAt", s."lastSeenAt" AS "sessionLastSeenAt",
      s."revokedAt" AS "sessionRevokedAt", s."revokedReason" AS "sessionRevokedReason",
      s."boundDeviceId" AS "sessionBoundDeviceId", s."stepUpAt" AS "sessionStepUpAt",
      a."memberId" IS NOT NULL AS "hasAccount", a."lockedAt" AS "accountLockedAt",
      (d."id" IS NOT NULL AND d."revokedAt" IS NULL) AS "deviceBound"
    FROM "Session" s
    JOIN "Member" m ON m."id" = s."memberId"
    LEFT JOIN "Account" a ON a."memberId" = s."memberId"
    LEFT JOIN "BoundDevice" d ON d."id" = s."boundDeviceId"
    WHERE s."tokenHash" = ${tokenHash}`);
  return rows[0];
}

// The cookie is an encrypted JWT: decoding it derives the key (HKDF, on the crypto thread pool) and decrypts,
// on every request of the member area, and the same cookie always decodes to the same session token. A bounded
// memo keeps that answer until the JWT's own expiry. Only cookies that decrypted with the portal's secret get
// in, and the session row is still read on every request, so a session ended or locked ends at once.
const DECODED_COOKIES_MAX = 1000;
const decodedCookies = new Map<string, { token: string; expiresAtMs: number }>();

async function sessionTokenOf(raw: string): Promise<string | null> {
  const known = decodedCookies.get(raw);
  if (known && known.expiresAtMs > Date.now()) return known.token;
  if (known) decodedCookies.delete(raw);
  const jwt = await decode({ token: raw, secret: env().authSecret }).catch(() => null);
  const token = typeof jwt?.sid === 'string' ? jwt.sid : null;
  if (token && typeof jwt?.exp === 'number') {
    // Oldest first out: a Map iterates in insertion order.
    if (decodedCookies.size >= DECODED_COOKIES_MAX) decodedCookies.delete(decodedCookies.keys().next().value as string);
    decodedCookies.set(raw, { token, expiresAtMs: jwt.exp * 1000 });
  }
  return token;
}

/** Checks a session cookie's value against the session table; ends idle and expired sessions. */
export async function resolveSession(raw: string | undefined) {
  if (!raw) return { status: 'none' as const };
  const token = await sessionTokenOf(raw);
  if (!token) return { status: 'none' as const };

  const row = await findSessionByTokenHash(hashToken(token));
  if (!row) return { status: 'revoked' as const };
  if (row.sessionRevokedAt) return { status: row.sessionRevokedReason === 'idle' ? ('idle' as const) : ('revoked' as const) };
  if (!row.hasAccount || row.accountLockedAt) return { status: 'revoked' as const };

  const now = Date.now();
  if (row.sessionExpiresAt.getTime() <= now) {
    await endSession(row.sessionId, 'expired');
    return { status: 'expired' as const };
  }
  if (row.sessionLastSeenAt.getTime() + env().SESSION_IDLE_MINUTES * 60_000 <= now) {
    await endSession(row.sessionId, 'idle');
    return { status: 'idle' as const };
  }
  if (now - row.sessionLastSeenAt.getTime() >= touchIntervalMs()) {
    await prisma.session.updateMany({ where: { id: row.sessionId, revokedAt: null }, data: { lastSeenAt: new Date(now) } });
  }
  const member: SessionMember = { ...(Object.fromEntries(memberFields.map((field) => [field, row[field]])) as Member), account: { lockedAt: row.accountLockedAt } };
  return {
    status: 'active' as const,
    sessionId: row.sessionId,
    memberId: member.id,
    member,
    // The second factor: a bound browser verified this session, and it has not been removed since.
    boundDeviceId: row.deviceBound ? row.sessionBoundDeviceId : null,
    stepUpAt: row.sessionStepUpAt,
  };
}

/** The current session, read once per request and checked against the session table. */
export const getSession = cache(async () => {
  const jar = await cookies();
  // --- Impersonation ("Ansicht als Mitglied", lib/staff/impersonation.ts): its own cookie takes the
  // place of a member session; every request is checked (time limit, read-only) and audited there.
  const impersonationToken = jar.get(impersonationCookieName())?.value;
  if (impersonationToken) {
    const impersonated = await resolveImpersonation(impersonationToken);
    if (impersonated.status === 'active') await guardImpersonatedRequest(impersonated.impersonation, impersonated.memberId);
    return impersonated;
  }
  // --- end impersonation
  return resolveSession(jar.get(sessionCookieName())?.value);
});

/** A member's session; `impersonation` is set when support staff look at the account read-only. */
export type ActiveSession = Extract<Awaited<ReturnType<typeof resolveSession>>, { status: 'active' }> & { impersonation?: ImpersonationInfo };

/**
 * Every page, server action and route handler of the member area starts here: it returns the active
 * session or sends the visitor to the login with the reason their session ended.
 */
export async function requireMember(): Promise<ActiveSession> {
  const session = await getSession();
  if (session.status === 'active') return session;
  if (session.status === 'impersonation_ended') redirect('/admin/ansicht/beendet');
  // The login comes back to the page asked for (a deep link from a mail, a bookmark).
  const path = (await headers()).get('x-hek-path') ?? '/';
  redirect(loginUrlFor(path, session.status === 'none' ? undefined : session.status));
}

/** Counts now as activity, so the idle timeout starts again (the member chose to stay logged in). */
export async function touchSession(sessionId: string): Promise<void> {
  await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: new Date() } });
}

export async function endSession(sessionId: string, reason: string): Promise<void> {
  await prisma.session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
}

export async function endSessionByToken(token: string, reason: string): Promise<string | null> {
  const session = await prisma.session.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, memberId: true } });
  if (!session) return null;
  await endSession(session.id, reason);
  return session.memberId;
}
