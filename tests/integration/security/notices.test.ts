import { describe, expect, it } from 'vitest';
import { encode } from 'next-auth/jwt';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { loginWithPassword } from '@/lib/auth/login';
import { resolveSession } from '@/lib/auth/session';
import { listNotifications, markNotificationsRead, notifySecurityEvent, reportNotMe, reportNotMeByToken } from '@/lib/security/notices';
import { memberBadges } from '@/lib/navigation/badges';
import { createMember } from '../../helpers/members';

const meta = { ip: '192.0.2.44', userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15' };

async function twoSessions(kvnr: string, password: string) {
  const cookies = [];
  for (let i = 0; i < 2; i++) {
    const result = await loginWithPassword({ kvnr, password }, meta);
    if (!result.ok) throw new Error('login failed');
    cookies.push(await encode({ token: { sid: result.token }, secret: env().authSecret }));
  }
  return cookies;
}

async function linkToken(memberId: string): Promise<string> {
  const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { memberId }, orderBy: { createdAt: 'desc' } });
  const token = /das-war-ich-nicht\?token=([\w-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error('no link in the mail');
  return token;
}

describe('security notices', () => {
  it('puts a notice into the notifications and an email into the outbox, with no secret in it', async () => {
    const { member } = await createMember();
    await notifySecurityEvent(member.id, 'new_device', meta, { name: 'Safari auf macOS' });
    expect((await memberBadges(member.id)).notifications).toBe(1);
    const [notice] = await listNotifications(member.id);
    expect(notice).toMatchObject({ kind: 'new_device', details: { name: 'Safari auf macOS' }, readAt: null });
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { memberId: member.id } });
    expect(mail).toMatchObject({ to: member.email, kind: 'security_notice.new_device', subject: 'Sicherheitshinweis: Neuer Browser verbunden' });
    expect(mail.text).toContain('Der Browser „Safari auf macOS“ wurde mit Ihrem Konto verbunden.');
    // Only the token's hash is stored.
    const token = await linkToken(member.id);
    expect(JSON.stringify(await prisma.notification.findMany({ where: { memberId: member.id } }))).not.toContain(token);
    await markNotificationsRead(member.id);
    expect((await memberBadges(member.id)).notifications).toBe(0);
  });

  it('"Das war ich nicht" in the portal ends all sessions of the member, this one too, and audits it', async () => {
    const { member, kvnr, password } = await createMember();
    const cookies = await twoSessions(kvnr, password);
    await notifySecurityEvent(member.id, 'password_changed', meta);
    const [notice] = await listNotifications(member.id);
    if (!notice) throw new Error('no notice');

    const stranger = await createMember();
    expect(await reportNotMe(stranger.member.id, notice.id, meta)).toBe('not_found');
    for (const cookie of cookies) expect((await resolveSession(cookie)).status).toBe('active');

    expect(await reportNotMe(member.id, notice.id, meta)).toBe('ok');
    for (const cookie of cookies) expect((await resolveSession(cookie)).status).toBe('revoked');
    expect(await prisma.auditEvent.count({ where: { subjectMemberId: member.id, action: 'security.not_me' } })).toBe(1);
  });

  it('"Das war ich nicht" by the email\'s link works once, without a session, and not after it expired', async () => {
    const { member, kvnr, password } = await createMember();
    const cookies = await twoSessions(kvnr, password);
    await notifySecurityEvent(member.id, 'passkey_added', meta, { name: 'Unbekannt' });
    const token = await linkToken(member.id);

    expect(await reportNotMeByToken('erfunden', meta)).toBe('invalid');
    expect(await reportNotMeByToken(token, meta)).toBe('ok');
    for (const cookie of cookies) expect((await resolveSession(cookie)).status).toBe('revoked');
    expect(await reportNotMeByToken(token, meta)).toBe('invalid');

    await notifySecurityEvent(member.id, 'passkey_removed', meta, { name: 'Alt' });
    const late = await linkToken(member.id);
    await prisma.notification.updateMany({ where: { memberId: member.id, notMeAt: null }, data: { notMeTokenExpiresAt: new Date(Date.now() - 1000) } });
    expect(await reportNotMeByToken(late, meta)).toBe('invalid');
  });
});
