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
  // "Passwort vergessen?" set a new password (lib/auth/recovery.ts).
  'password_reset',
  'passkey_added',
  'passkey_removed',
  'biometric_enabled',
  'biometric_disabled',
  // Support staff opened the account read-only ("Ansicht als Mitglied", lib/staff/impersonation.ts).
  'staff_access',
  // Profile and services (lib/profile, lib/bank, lib/export)
  'address_changed',
  'phone_changed',
  'email_change_requested',
  'email_changed',
  'name_change_requested',
  'bank_account_added',
  'data_export_ready',
] as const;

export type SecurityNoticeKind = (typeof securityNoticeKinds)[number];

/**
 * The passkey's or browser's name, shown in the notice's text, and the id of what was added, so that
 * "Das war ich nicht" can take it away again. Never a secret.
 */
export type NoticeDetails = { name?: string; passkeyId?: string; deviceId?: string };

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
        details: Object.keys(details).length > 0 ? details : undefined,
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

export async function markNotificationsRead(memberId: string): Promise<void> {
  await prisma.notification.updateMany({ where: { memberId, readAt: null }, data: { readAt: new Date() } });
}

type ReportedNotice = { id: string; memberId: string; kind: string; details: unknown; createdAt: Date };

/**
 * "Das war ich nicht" undoes what the notice reports, as far as it can be undone: a passkey or browser
 * that was added is removed, biometric login that was switched on goes off. Then, whatever the notice,
 * every session ends (this one too) and no login works until the member sets a new password through the
 * password recovery: whoever made the change may know the password.
 */
async function undoOps(notice: ReportedNotice, actor: 'MEMBER' | 'ANONYMOUS', meta: RequestMeta, via: 'portal' | 'email') {
  const { memberId } = notice;
  const details = (notice.details ?? {}) as NoticeDetails;
  const now = new Date();
  const undone: string[] = [];
  const ops = [];
  if (notice.kind === 'passkey_added') {
    const passkeyId = z.uuid().safeParse(details.passkeyId).success ? details.passkeyId : undefined;
    if (passkeyId) {
      ops.push(prisma.passkey.deleteMany({ where: { id: passkeyId, memberId } }));
      undone.push('passkey_removed');
    }
  }
  if (notice.kind === 'new_device') {
    const device = await addedDevice(notice, details);
    if (device) {
      ops.push(
        prisma.boundDevice.updateMany({ where: { id: device, memberId, revokedAt: null }, data: { revokedAt: now } }),
        prisma.session.updateMany({ where: { memberId, boundDeviceId: device }, data: { boundDeviceId: null } }),
      );
      undone.push('device_revoked');
    }
  }
  if (notice.kind === 'biometric_enabled') {
    ops.push(prisma.account.updateMany({ where: { memberId }, data: { biometricEnabled: false } }));
    undone.push('biometric_disabled');
  }
  return [
    ...ops,
    prisma.account.updateMany({ where: { memberId }, data: { passwordResetRequiredAt: now } }),
    prisma.session.updateMany({ where: { memberId, revokedAt: null }, data: { revokedAt: now, revokedReason: 'not_me' } }),
    auditEvent({
      action: 'security.not_me',
      actor: actor === 'MEMBER' ? { type: 'MEMBER', id: memberId } : { type: 'ANONYMOUS' },
      subjectMemberId: memberId,
      meta,
      details: { notificationId: notice.id, via, kind: notice.kind, undone, passwordResetRequired: true },
    }),
  ];
}

/**
 * The browser a "new browser" notice reports: by the id it carries, or else the one of that name bound
 * to the member around the notice's time (notices written before they carried the id).
 */
async function addedDevice(notice: ReportedNotice, details: NoticeDetails): Promise<string | null> {
  if (details.deviceId && z.uuid().safeParse(details.deviceId).success) return details.deviceId;
  const around = 2 * 60_000;
  const device = await prisma.boundDevice.findFirst({
    where: {
      memberId: notice.memberId,
      revokedAt: null,
      ...(details.name ? { name: details.name } : {}),
      createdAt: { gte: new Date(notice.createdAt.getTime() - around), lte: new Date(notice.createdAt.getTime() + around) },
    },
    orderBy: { createdAt: 'desc' },
    select: { id: true },
  });
  return device?.id ?? null;
}

const noticeFields = { id: true, memberId: true, kind: true, details: true, createdAt: true } as const;

/** "Das war ich nicht" on a notice in the portal: undoes the change, ends all sessions, requires a new password. */
export async function reportNotMe(memberId: string, notificationId: string, meta: RequestMeta): Promise<'ok' | 'not_found'> {
  if (!z.uuid().safeParse(notificationId).success) return 'not_found';
  const notice = await prisma.notification.findFirst({ where: { id: notificationId, memberId }, select: noticeFields });
  if (!notice) return 'not_found';
  await prisma.$transaction([
    prisma.notification.update({ where: { id: notice.id }, data: { notMeAt: new Date(), readAt: new Date() } }),
    ...(await undoOps(notice, 'MEMBER', meta, 'portal')),
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
    select: { ...noticeFields, notMeAt: true, notMeTokenExpiresAt: true },
  });
  if (!notice || notice.notMeAt || !notice.notMeTokenExpiresAt || notice.notMeTokenExpiresAt <= new Date()) return 'invalid';
  // Conditional, so that of two clicks on the same link only one counts as the use.
  const claimed = await prisma.notification.updateMany({ where: { id: notice.id, notMeAt: null }, data: { notMeAt: new Date() } });
  if (claimed.count !== 1) return 'invalid';
  await prisma.$transaction(await undoOps(notice, 'ANONYMOUS', meta, 'email'));
  return 'ok';
}
