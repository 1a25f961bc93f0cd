import { describe, expect, it } from 'vitest';
import { encode } from 'next-auth/jwt';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { loginWithPassword } from '@/lib/auth/login';
import { resolveSession } from '@/lib/auth/session';
import { changePassword } from '@/lib/security/password';
import { endMemberSession, endOtherSessions, listActiveSessions } from '@/lib/security/sessions';
import { createMember } from '../../helpers/members';

const phone = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const laptop = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

/** Logs in with the password and returns the session's id and the cookie a browser would send. */
async function login(kvnr: string, password: string, userAgent = laptop) {
  const result = await loginWithPassword({ kvnr, password }, { ip: '203.0.113.9', userAgent });
  if (!result.ok) throw new Error(`login failed: ${result.error}`);
  const cookie = await encode({ token: { sid: result.token }, secret: env().authSecret });
  const session = await resolveSession(cookie);
  if (session.status !== 'active') throw new Error('expected an active session');
  // Confirmed with a second factor just now: these tests are about what the change does (see step-up.test.ts).
  return { cookie, sessionId: session.sessionId, memberId: session.memberId, stepUpAt: new Date() };
}

const meta = { ip: '203.0.113.9', userAgent: laptop };

describe('active sessions', () => {
  it('lists the member\'s sessions with device and marks this one', async () => {
    const { member, kvnr, password } = await createMember();
    const here = await login(kvnr, password, laptop);
    await login(kvnr, password, phone);
    const sessions = await listActiveSessions(member.id, here.sessionId);
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({ id: here.sessionId, current: true, device: { browser: 'Firefox 133', os: 'Windows 10', kind: 'desktop' } });
    expect(sessions[1]).toMatchObject({ current: false, device: { browser: 'Chrome 131', os: 'Android 14', kind: 'mobile' }, ip: '203.0.113.9' });
  });

  it('ends another session, whose next request is then logged out', async () => {
    const { member, kvnr, password } = await createMember();
    const here = await login(kvnr, password);
    const there = await login(kvnr, password, phone);
    expect(await endMemberSession(member.id, there.sessionId, meta)).toBe('ok');
    expect((await resolveSession(there.cookie)).status).toBe('revoked');
    expect((await resolveSession(here.cookie)).status).toBe('active');
    expect(await prisma.auditEvent.count({ where: { subjectMemberId: member.id, action: 'security.session.ended' } })).toBe(1);
  });

  it('treats another member\'s session as not found and leaves it alone', async () => {
    const { member } = await createMember();
    const stranger = await createMember();
    const theirs = await login(stranger.kvnr, stranger.password);
    expect(await endMemberSession(member.id, theirs.sessionId, meta)).toBe('not_found');
    expect((await resolveSession(theirs.cookie)).status).toBe('active');
  });

  it('ends all other sessions and keeps this one', async () => {
    const { member, kvnr, password } = await createMember();
    const here = await login(kvnr, password);
    const others = [await login(kvnr, password, phone), await login(kvnr, password)];
    expect(await endOtherSessions(member.id, here.sessionId, meta)).toBe(2);
    for (const other of others) expect((await resolveSession(other.cookie)).status).toBe('revoked');
    expect((await resolveSession(here.cookie)).status).toBe('active');
  });
});

describe('changing the password', () => {
  const newPassword = 'grüne Tomaten am Fenster';

  it('needs the current password, ends all other sessions, keeps this one, and tells the member', async () => {
    const { member, kvnr, password } = await createMember();
    const here = await login(kvnr, password);
    const there = await login(kvnr, password, phone);

    const result = await changePassword(here, { currentPassword: password, newPassword, confirmPassword: newPassword }, meta);
    expect(result).toEqual({ ok: true, endedSessions: 1 });
    expect((await resolveSession(there.cookie)).status).toBe('revoked');
    expect((await resolveSession(here.cookie)).status).toBe('active');
    expect((await loginWithPassword({ kvnr, password }, meta)).ok).toBe(false);
    expect((await loginWithPassword({ kvnr, password: newPassword }, meta)).ok).toBe(true);

    expect(await prisma.auditEvent.count({ where: { subjectMemberId: member.id, action: 'security.password.changed' } })).toBe(1);
    expect(await prisma.notification.count({ where: { memberId: member.id, kind: 'password_changed' } })).toBe(1);
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { memberId: member.id, kind: 'security_notice.password_changed' } });
    expect(mail.subject).toBe('Sicherheitshinweis: Passwort geändert');
    expect(mail.text).not.toContain(newPassword);
    expect(mail.text).toContain('Firefox 133');
  });

  it('refuses a common, a short or a mismatched new password, and a wrong current one', async () => {
    const { kvnr, password } = await createMember();
    const here = await login(kvnr, password);
    const attempt = (currentPassword: string, next: string, confirm = next) =>
      changePassword(here, { currentPassword, newPassword: next, confirmPassword: confirm }, meta);

    expect(await attempt(password, 'Passwort-1234')).toEqual({ ok: false, error: 'invalid', errors: { newPassword: ['common'] } });
    expect(await attempt(password, 'kurz')).toMatchObject({ ok: false, errors: { newPassword: ['too_short'] } });
    expect(await attempt(password, newPassword, `${newPassword}!`)).toMatchObject({ ok: false, errors: { confirmPassword: ['mismatch'] } });
    expect(await attempt(password, password)).toMatchObject({ ok: false, errors: { newPassword: ['same_as_current'] } });
    expect(await attempt('falsches-Passwort', newPassword)).toEqual({ ok: false, error: 'invalid', errors: { currentPassword: ['wrong_current'] } });
    expect((await loginWithPassword({ kvnr, password }, meta)).ok).toBe(true);
  });

  it('locks password changes for a while after too many wrong current passwords', async () => {
    const { kvnr, password } = await createMember();
    const here = await login(kvnr, password);
    const wrong = { currentPassword: 'falsches-Passwort', newPassword, confirmPassword: newPassword };
    for (let i = 0; i < env().LOGIN_MAX_ATTEMPTS - 1; i++) expect(await changePassword(here, wrong, meta)).toMatchObject({ error: 'invalid' });
    expect(await changePassword(here, wrong, meta)).toMatchObject({ ok: false, error: 'rate_limited' });
    // Even the right password waits until the window has passed.
    const right = { currentPassword: password, newPassword, confirmPassword: newPassword };
    expect(await changePassword(here, right, meta)).toMatchObject({ ok: false, error: 'rate_limited' });
  });
});
