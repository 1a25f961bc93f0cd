import 'server-only';
import crypto from 'node:crypto';
import { createTranslator } from 'use-intl/core';
import { z } from 'zod';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { auditEvent } from '@/lib/audit/commands';
import { hashToken } from '@/lib/auth/session';
import { loadMessages } from '@/lib/i18n/catalogue';
import { queueEmail } from '@/lib/mail/outbox';
import type { RequestMeta } from '@/lib/http/request-meta';
import { deviceLabel } from './user-agent';

export const securityNoticeKinds = [
  'new_device',
  'device_removed',
  'password_changed',
  'passkey_added',
  'passkey_removed',
  'biometric_enabled',
  'biometric_disabled',
] as const;

export type SecurityNoticeKind = (typeof securityNoticeKinds)[number];

/** Shown in the notice's text: the passkey's or browser's name. Never a secret. */
export type NoticeDetails = { name?: string };

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** How long the email's "Das war ich nicht" link works. */
export const NOT_ME_LINK_DAYS = 7;

/**
 * The writes of one security notice — the notification in the portal and the email with a single-use
 * "Das war ich nicht" link — for the caller's batch transaction, beside the change they report.
 */
export async function securityNoticeOps(memberId: string, kind: SecurityNoticeKind, meta: RequestMeta, details: NoticeDetails = {}) {
  const member = await prisma.member.findUniqueOrThrow({ where: { id: memberId }, select: { firstName: true, lastName: true, email: true } });
  const token = crypto.randomBytes(32).toString('base64url');
  const now = new Date();
  // The catalogue is loaded at run time, so its keys are not known to the type checker.
  const t = createTranslator({ locale: 'de', messages: loadMessages('de'), namespace: 'notifications' }) as unknown as Translate;
  const title = t(`kinds.${kind}.title`);
  const when = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(now);
  const device = deviceLabel(meta.userAgent);
  const link = `${env().origin}/das-war-ich-nicht?token=${token}`;
  const text = [
    t('email.greeting', { name: `${member.firstName} ${member.lastName}` }),
    '',
    t(`kinds.${kind}.text`, { name: details.name ?? '' }),
    '',
    t('email.when', { when }),
    ...(device ? [t('email.device', { device })] : []),
    '',
    t('email.wasMe'),
    '',
    t('email.notMe', { days: NOT_ME_LINK_DAYS }),
    link,
    '',
    t('email.advice'),
    '',
    t('email.signature'),
  ].join('\n');

  return [
    prisma.notification.create({
      data: {
        memberId,
        kind,
        details: details.name ? { name: details.name } : undefined,
        createdAt: now,
        notMeTokenHash: hashToken(token),
        notMeTokenExpiresAt: new Date(now.getTime() + NOT_ME_LINK_DAYS * 24 * 3600_000),
      },
    }),
    queueEmail({ to: member.email, subject: t('email.subject', { title }), text, kind: `security_notice.${kind}`, memberId }),
  ] as const;
}

/**
 * Tells the member about a security-relevant change on its own (for changes made elsewhere, such as a
 * newly bound browser): a notification, an email, and the way to say "Das war ich nicht".
 */
export async function notifySecurityEvent(memberId: string, kind: SecurityNoticeKind, meta: RequestMeta, details: NoticeDetails = {}) {
  await prisma.$transaction([...(await securityNoticeOps(memberId, kind, meta, details))]);
}

export function listNotifications(memberId: string) {
  return prisma.notification.findMany({
    where: { memberId },
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: { id: true, kind: true, details: true, createdAt: true, readAt: true, notMeAt: true },
  });
}

export function unreadNotificationCount(memberId: string) {
  return prisma.notification.count({ where: { memberId, readAt: null } });
}

export async function markNotificationsRead(memberId: string): Promise<void> {
  await prisma.notification.updateMany({ where: { memberId, readAt: null }, data: { readAt: new Date() } });
}

/** Ends every session of the member, this one included, and audits why. */
function endAllSessionsOps(memberId: string, actor: 'MEMBER' | 'ANONYMOUS', meta: RequestMeta, details: Record<string, string>) {
  return [
    prisma.session.updateMany({ where: { memberId, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: 'not_me' } }),
    auditEvent({
      action: 'security.not_me',
      actor: actor === 'MEMBER' ? { type: 'MEMBER', id: memberId } : { type: 'ANONYMOUS' },
      subjectMemberId: memberId,
      meta,
      details,
    }),
  ] as const;
}

/** "Das war ich nicht" on a notice in the portal: ends all sessions of the member. */
export async function reportNotMe(memberId: string, notificationId: string, meta: RequestMeta): Promise<'ok' | 'not_found'> {
  if (!z.uuid().safeParse(notificationId).success) return 'not_found';
  const notice = await prisma.notification.findFirst({ where: { id: notificationId, memberId }, select: { id: true } });
  if (!notice) return 'not_found';
  await prisma.$transaction([
    prisma.notification.update({ where: { id: notice.id }, data: { notMeAt: new Date(), readAt: new Date() } }),
    ...endAllSessionsOps(memberId, 'MEMBER', meta, { notificationId: notice.id, via: 'portal' }),
  ]);
  return 'ok';
}

/**
 * "Das war ich nicht" by the email's link, without a session (whoever changed the account may hold
 * it): the token works once and within NOT_ME_LINK_DAYS.
 */
export async function reportNotMeByToken(token: string, meta: RequestMeta): Promise<'ok' | 'invalid'> {
  if (!token || token.length > 200) return 'invalid';
  const notice = await prisma.notification.findUnique({
    where: { notMeTokenHash: hashToken(token) },
    select: { id: true, memberId: true, notMeAt: true, notMeTokenExpiresAt: true },
  });
  if (!notice || notice.notMeAt || !notice.notMeTokenExpiresAt || notice.notMeTokenExpiresAt <= new Date()) return 'invalid';
  const [used] = await prisma.$transaction([
    // Conditional, so that of two clicks on the same link only one counts as the use.
    prisma.notification.updateMany({ where: { id: notice.id, notMeAt: null }, data: { notMeAt: new Date() } }),
    ...endAllSessionsOps(notice.memberId, 'ANONYMOUS', meta, { notificationId: notice.id, via: 'email' }),
  ]);
  return used.count === 1 ? 'ok' : 'invalid';
}
