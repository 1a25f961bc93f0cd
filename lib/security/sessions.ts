import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { auditEvent } from '@/lib/audit/commands';
import type { RequestMeta } from '@/lib/http/request-meta';
import { describeUserAgent } from './user-agent';

/** The member's sessions that still count as logged in, newest activity first, "this session" marked. */
export async function listActiveSessions(memberId: string, currentSessionId: string) {
  const now = Date.now();
  const sessions = await prisma.session.findMany({
    where: {
      memberId,
      revokedAt: null,
      expiresAt: { gt: new Date(now) },
      lastSeenAt: { gt: new Date(now - env().SESSION_IDLE_MINUTES * 60_000) },
    },
    orderBy: { lastSeenAt: 'desc' },
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
  });
  return sessions
    .map(({ userAgent, ...session }) => ({ ...session, device: describeUserAgent(userAgent), current: session.id === currentSessionId }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Ends one of the member's sessions; another member's session id is simply not found. */
export async function endMemberSession(memberId: string, sessionId: string, meta: RequestMeta): Promise<'ok' | 'not_found'> {
  if (!z.uuid().safeParse(sessionId).success) return 'not_found';
  const session = await prisma.session.findFirst({ where: { id: sessionId, memberId, revokedAt: null }, select: { id: true } });
  if (!session) return 'not_found';
  await prisma.$transaction([
    prisma.session.updateMany({ where: { id: session.id, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: 'revoked_by_member' } }),
    auditEvent({ action: 'security.session.ended', actor: { type: 'MEMBER', id: memberId }, subjectMemberId: memberId, meta, details: { sessionId } }),
  ]);
  return 'ok';
}

/** Ends every session of the member except the one making the request. */
export async function endOtherSessions(memberId: string, currentSessionId: string, meta: RequestMeta): Promise<number> {
  const [ended] = await prisma.$transaction([
    prisma.session.updateMany({
      where: { memberId, revokedAt: null, id: { not: currentSessionId } },
      data: { revokedAt: new Date(), revokedReason: 'revoked_by_member' },
    }),
    auditEvent({
      action: 'security.session.ended_others',
      actor: { type: 'MEMBER', id: memberId },
      subjectMemberId: memberId,
      meta,
      details: { keptSessionId: currentSessionId },
    }),
  ]);
  return ended.count;
}
