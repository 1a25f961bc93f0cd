import { afterEach, describe, expect, it, vi } from 'vitest';
import { encode } from 'next-auth/jwt';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { loginWithPassword } from '@/lib/auth/login';
import { endSession, endSessionByToken, hashToken, resolveSession } from '@/lib/auth/session';
import { createMember, randomKvnr } from '../../helpers/members';

const meta = { ip: '203.0.113.7', userAgent: 'vitest' };

async function cookieFor(token: string) {
  return encode({ token: { sid: token }, secret: env().authSecret });
}

async function loginOk(kvnr: string, password: string) {
  const result = await loginWithPassword({ kvnr, password }, meta);
  if (!result.ok) throw new Error(`login failed: ${result.error}`);
  return result;
}

describe('password login', () => {
  it('creates a server-side session that stores only a hash of the token, and audits it', async () => {
    const { member, kvnr, password } = await createMember();
    const result = await loginOk(kvnr.toLowerCase(), password);
    const row = await prisma.session.findUniqueOrThrow({ where: { tokenHash: hashToken(result.token) } });
    expect(row.memberId).toBe(member.id);
    expect(row.tokenHash).not.toContain(result.token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeCloseTo(env().SESSION_MAX_HOURS * 3600_000, -4);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { subjectMemberId: member.id, action: 'auth.login.success' } });
    expect(audit.ip).toBe(meta.ip);
    expect(JSON.stringify(audit.details)).not.toContain(password);
  });

  it('gives the same answer for a wrong password and an unknown KVNR', async () => {
    const { kvnr } = await createMember();
    expect(await loginWithPassword({ kvnr, password: 'falsches-Passwort' }, meta)).toEqual({ ok: false, error: 'invalid_credentials' });
    expect(await loginWithPassword({ kvnr: randomKvnr(), password: 'irgendwas-langes' }, meta)).toEqual({ ok: false, error: 'invalid_credentials' });
    expect(await loginWithPassword({ kvnr: 'A123456781', password: 'x' }, meta)).toEqual({ ok: false, error: 'invalid_input' });
  });

  it('refuses a locked account even with the right password', async () => {
    const { kvnr, password } = await createMember({ locked: true });
    expect(await loginWithPassword({ kvnr, password }, meta)).toEqual({ ok: false, error: 'locked' });
  });

  it('locks the KVNR for a while after too many wrong passwords, even for the right one', async () => {
    const { kvnr, password } = await createMember();
    for (let i = 0; i < env().LOGIN_MAX_ATTEMPTS; i++) {
      expect(await loginWithPassword({ kvnr, password: `falsch-${i}-xxxxxxxx` }, meta)).toMatchObject({ error: 'invalid_credentials' });
    }
    const blocked = await loginWithPassword({ kvnr, password }, meta);
    expect(blocked).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(blocked.ok === false && 'retryAfterSeconds' in blocked && blocked.retryAfterSeconds).toBeGreaterThan(0);
    // The window has passed: the member may try again.
    await prisma.rateLimitBucket.update({ where: { key: `login:kvnr:${kvnr}` }, data: { resetAt: new Date(Date.now() - 1000) } });
    expect((await loginWithPassword({ kvnr, password }, meta)).ok).toBe(true);
  });
});

describe('session check on every request', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('accepts a fresh session and refuses a garbage or missing cookie', async () => {
    const { member, kvnr, password } = await createMember();
    const { token } = await loginOk(kvnr, password);
    const active = await resolveSession(await cookieFor(token));
    expect(active).toMatchObject({ status: 'active', memberId: member.id, boundDeviceId: null, stepUpAt: null });
    if (active.status !== 'active') throw new Error('expected an active session');
    // The one-statement lookup hands pages the member as Prisma's model has it: every column, dates as Date.
    const { account, ...fields } = active.member;
    expect(fields).toEqual(await prisma.member.findUniqueOrThrow({ where: { id: member.id } }));
    expect(account).toEqual({ lockedAt: null });
    expect((await resolveSession('not-a-token')).status).toBe('none');
    expect((await resolveSession(undefined)).status).toBe('none');
  });

  it('treats a revoked session as logged out', async () => {
    const { kvnr, password } = await createMember();
    const { token } = await loginOk(kvnr, password);
    const cookie = await cookieFor(token);
    const active = await resolveSession(cookie);
    if (active.status !== 'active') throw new Error('expected an active session');
    await endSession(active.sessionId, 'revoked_by_member');
    expect((await resolveSession(cookie)).status).toBe('revoked');
  });

  it('refuses a cookie once its own expiry has passed, also one that was accepted before', async () => {
    const { kvnr, password } = await createMember();
    const { token } = await loginOk(kvnr, password);
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const cookie = await encode({ token: { sid: token }, secret: env().authSecret, maxAge: 60 });
    expect((await resolveSession(cookie)).status).toBe('active');
    // Past the JWT's expiry and next-auth's 15 s of clock tolerance; the session row itself is still fresh.
    vi.setSystemTime(start + 90_000);
    expect((await resolveSession(cookie)).status).toBe('none');
  });

  it('ends a session after its absolute lifetime and after idle time', async () => {
    const { kvnr, password } = await createMember();
    const expired = await loginOk(kvnr, password);
    await prisma.session.update({ where: { tokenHash: hashToken(expired.token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await resolveSession(await cookieFor(expired.token))).status).toBe('expired');

    const idle = await loginOk(kvnr, password);
    const idleSince = new Date(Date.now() - (env().SESSION_IDLE_MINUTES * 60_000 + 1000));
    await prisma.session.update({ where: { tokenHash: hashToken(idle.token) }, data: { lastSeenAt: idleSince } });
    expect((await resolveSession(await cookieFor(idle.token))).status).toBe('idle');
    const row = await prisma.session.findUniqueOrThrow({ where: { tokenHash: hashToken(idle.token) } });
    expect(row.revokedReason).toBe('idle');
  });

  it('logs out every session of a member whose account gets locked', async () => {
    const { member, kvnr, password } = await createMember();
    const { token } = await loginOk(kvnr, password);
    await prisma.account.update({ where: { memberId: member.id }, data: { lockedAt: new Date() } });
    expect((await resolveSession(await cookieFor(token))).status).toBe('revoked');
  });

  it('ends the session behind a token at logout', async () => {
    const { member, kvnr, password } = await createMember();
    const { token } = await loginOk(kvnr, password);
    expect(await endSessionByToken(token, 'logout')).toBe(member.id);
    expect((await resolveSession(await cookieFor(token))).status).toBe('revoked');
  });
});
