import 'server-only';
import crypto from 'node:crypto';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { AppError } from '@/lib/errors/app-error';
import { recordStaffAudit, staffAuditOps } from '@/lib/audit/chain';
import { securityNoticeOps } from '@/lib/security/notices';
import { requestMetaFrom, type RequestMeta } from '@/lib/http/request-meta';
import { confirmStaffPasskey } from './passkey';
import { checkStaffSession, hashStaffToken, type ActiveStaffSession } from './session-store';
import { isForbiddenDuringImpersonation } from './impersonation-policy';
import { startImpersonationSchema } from './schema';

/**
 * "Ansicht als Mitglied": a staff member sees a member's portal, read-only and time-boxed, through an
 * impersonation row of its own (reason, reference, start, end, who ended it), referenced by its own cookie.
 * getSession() in lib/auth/session.ts recognises the cookie and returns the member's session with
 * `impersonation` set; the staff member's own session stays as it is. Every request during it is checked
 * here (time limit, staff session still valid, read-only) and recorded in the staff audit chain.
 */
export function impersonationCookieName(): string {
  return env().secureCookies ? '__Secure-hek.impersonation' : 'hek.impersonation';
}


export type ImpersonationInfo = { id: string; staffId: string; staffName: string; reason: string; reference: string; endsAt: Date };

export type StartResult = { ok: true; memberId: string } | { ok: false; error: 'confirmation' | 'not_found' | 'nested' | 'staff_account' | 'invalid' };

export async function startImpersonation(
  session: ActiveStaffSession,
  input: { memberId: string; reason: string; reference: string; confirmation: unknown },
  meta: RequestMeta,
): Promise<StartResult> {
  const parsed = startImpersonationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const jar = await cookies();
  // None from inside an impersonation: this browser is already looking at an account.
  if (await activeImpersonationByToken(jar.get(impersonationCookieName())?.value)) return { ok: false, error: 'nested' };
  if (!(await confirmStaffPasskey(session.staff.id, input.confirmation))) return { ok: false, error: 'confirmation' };
  const member = await prisma.member.findUnique({ where: { id: parsed.data.memberId }, select: { id: true, email: true, account: { select: { id: true } } } });
  if (!member?.account) return { ok: false, error: 'not_found' };
  // A staff member's own member account is not for staff to look at (nor their colleagues').
  if (await prisma.staffAccount.findUnique({ where: { email: member.email.toLowerCase() }, select: { id: true } })) return { ok: false, error: 'staff_account' };

  const token = crypto.randomBytes(32).toString('base64url');
  const id = crypto.randomUUID();
  const minutes = env().IMPERSONATION_MAX_MINUTES;
  const endsAt = new Date(Date.now() + minutes * 60_000);
  const staff = { id: session.staff.id, name: session.staff.name };
  await prisma.$transaction([
    // One at a time per staff session: starting a new one ends the previous one.
    prisma.impersonation.updateMany({ where: { staffSessionId: session.sessionId, endedAt: null }, data: { endedAt: new Date(), endedReason: 'replaced' } }),
    prisma.impersonation.create({
      data: { id, tokenHash: hashStaffToken(token), staffId: staff.id, staffSessionId: session.sessionId, memberId: member.id, reason: parsed.data.reason, reference: parsed.data.reference, endsAt },
    }),
    ...staffAuditOps({
      action: 'impersonation.started',
      staff,
      subjectMemberId: member.id,
      impersonationId: id,
      reason: parsed.data.reason,
      target: parsed.data.reference,
      meta,
      memberVisible: true,
      details: { reason: parsed.data.reason, reference: parsed.data.reference, endsAt: endsAt.toISOString() },
    }),
    ...(await securityNoticeOps(member.id, 'staff_access', meta, { name: staff.name })),
  ]);
  jar.set(impersonationCookieName(), token, { httpOnly: true, sameSite: 'lax', secure: env().secureCookies, path: '/', maxAge: minutes * 60 });
  return { ok: true, memberId: member.id };
}

type EndReason = 'staff' | 'supervisor' | 'member' | 'expired' | 'staff_session_ended';

/** Ends an impersonation once (a second end finds nothing) and records who ended it. */
export async function endImpersonation(id: string, reason: EndReason, by: { staff?: { id: string; name: string }; memberId?: string }, meta?: RequestMeta): Promise<boolean> {
  const row = await prisma.impersonation.findUnique({ where: { id }, select: { memberId: true, staffId: true, staff: { select: { name: true } } } });
  if (!row) return false;
  const [ended] = await prisma.$transaction([
    prisma.impersonation.updateMany({ where: { id, endedAt: null }, data: { endedAt: new Date(), endedReason: reason, endedById: by.staff?.id ?? by.memberId ?? null } }),
    ...staffAuditOps({
      action: 'impersonation.ended',
      staff: by.staff ?? (reason === 'member' ? null : { id: row.staffId, name: row.staff.name }),
      subjectMemberId: row.memberId,
      impersonationId: id,
      reason,
      meta,
      memberVisible: true,
      details: { endedBy: reason },
    }),
  ]);
  return ended.count === 1;
}

/** Ends the member's running impersonations (the member's "Zugriff beenden"). */
export async function endImpersonationsOfMember(memberId: string, meta: RequestMeta): Promise<number> {
  const running = await prisma.impersonation.findMany({ where: { memberId, endedAt: null }, select: { id: true } });
  let count = 0;
  for (const { id } of running) if (await endImpersonation(id, 'member', { memberId }, meta)) count += 1;
  return count;
}

export function runningImpersonationsOfMember(memberId: string) {
  return prisma.impersonation.findMany({
    where: { memberId, endedAt: null, endsAt: { gt: new Date() } },
    select: { id: true, reason: true, endsAt: true, staff: { select: { name: true } } },
  });
}

/** The running impersonations, for supervisors. */
export function runningImpersonations() {
  return prisma.impersonation.findMany({
    where: { endedAt: null, endsAt: { gt: new Date() } },
    orderBy: { startedAt: 'desc' },
    select: { id: true, reason: true, reference: true, startedAt: true, endsAt: true, staff: { select: { name: true } }, member: { select: { firstName: true, lastName: true, kvnr: true } } },
  });
}

async function activeImpersonationByToken(token: string | undefined) {
  if (!token) return null;
  const row = await prisma.impersonation.findUnique({
    where: { tokenHash: hashStaffToken(token) },
    include: { staffSession: { include: { staff: true } }, member: { include: { account: true } } },
  });
  if (!row || row.endedAt) return null;
  if (row.endsAt.getTime() <= Date.now()) {
    await endImpersonation(row.id, 'expired', {});
    return null;
  }
  // The staff member's own session must still hold (not logged out, idle, expired or disabled).
  if (!(await checkStaffSession(row.staffSession))) {
    await endImpersonation(row.id, 'staff_session_ended', {});
    return null;
  }
  if (!row.member.account) return null;
  return row;
}

/**
 * The member session of an impersonation cookie, in the shape of resolveSession()'s active session, or
 * 'impersonation_ended' when it ran out or was ended (the staff member is sent back to the console).
 */
export async function resolveImpersonation(token: string) {
  const row = await activeImpersonationByToken(token);
  if (!row) return { status: 'impersonation_ended' as const };
  const impersonation: ImpersonationInfo = {
    id: row.id,
    staffId: row.staffId,
    staffName: row.staffSession.staff.name,
    reason: row.reason,
    reference: row.reference,
    endsAt: row.endsAt,
  };
  return {
    status: 'active' as const,
    sessionId: row.id,
    memberId: row.memberId,
    member: row.member,
    // Staff never act as a bound browser; smart pages open for them read-only (lib/auth/access.ts).
    boundDeviceId: null,
    stepUpAt: null,
    impersonation,
  };
}

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Runs once per request during an impersonation (getSession() is cached per request): refuses and
 * audits anything that is not a plain read (a server action — Next sends `next-action` — or a method other
 * than GET/HEAD, told by proxy.ts, which always runs with an impersonation cookie) and any page out of
 * bounds for staff; records every other page view in the staff audit chain.
 */
export async function guardImpersonatedRequest(impersonation: ImpersonationInfo, memberId: string): Promise<void> {
  const h = await headers();
  const meta = requestMetaFrom(h);
  const path = (h.get('x-hek-path') ?? '').slice(0, 300);
  const method = h.get('x-hek-method');
  const isAction = h.has('next-action');
  const staff = { id: impersonation.staffId, name: impersonation.staffName };
  const base = { staff, subjectMemberId: memberId, impersonationId: impersonation.id, meta };
  if (isAction || !method || !READ_METHODS.has(method)) {
    await recordStaffAudit({ ...base, action: 'impersonation.refused', target: `${isAction ? 'action' : (method ?? 'unknown')} ${path}`, reason: 'read_only' });
    if (isAction) redirect('/ansicht-als-mitglied/gesperrt');
    throw new AppError('read_only');
  }
  if (isForbiddenDuringImpersonation(path)) {
    await recordStaffAudit({ ...base, action: 'impersonation.refused', target: `GET ${path}`, reason: 'out_of_bounds' });
    redirect('/ansicht-als-mitglied/gesperrt');
  }
  await recordStaffAudit({ ...base, action: 'impersonation.page', target: path });
}

/** The impersonation this browser runs, if any (for the end button, which posts to /admin). */
export async function currentImpersonationId(): Promise<string | null> {
  const row = await activeImpersonationByToken((await cookies()).get(impersonationCookieName())?.value);
  return row?.id ?? null;
}
