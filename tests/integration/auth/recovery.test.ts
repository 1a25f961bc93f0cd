import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { loginWithPassword } from '@/lib/auth/login';
import { completePasswordReset, requestPasswordReset, resetLinkState, startRecoveryIdentification } from '@/lib/auth/recovery';
import { createSession } from '@/lib/auth/session';
import { completeGesundheitsIdLogin } from '@/lib/identity/gesundheitsid-login';
import { startTransaction } from '@/lib/identity/simulator/authorize';
import { finishTransaction } from '@/lib/identity/simulator/flow';
import type { IdentityVariant } from '@/lib/identity/simulator/options';
import { createMember, randomKvnr } from '../../helpers/members';
import { meta, simulatorFetch } from '../identity/helpers';

const NEW_PASSWORD = 'Elbe Brücke Möwe 2026';

/** The link in the newest recovery mail to this member, as the member opens it. */
async function tokenFromMail(memberId: string): Promise<string> {
  const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { memberId, kind: 'password_reset' }, orderBy: { createdAt: 'desc' } });
  const match = /\/passwort-neu\?token=([\w-]+)/.exec(mail.text);
  if (!match?.[1]) throw new Error('no link in the mail');
  return match[1];
}

/** Identification at the simulated GesundheitsID for a link (the insurer's record of the person, or one that differs); back through the login callback's code. */
async function identify(token: string, variant: IdentityVariant = 'record') {
  const started = await startRecoveryIdentification(token, 'gesundheitsid', meta, { fetch: simulatorFetch() });
  if (!started.ok) throw new Error(started.error);
  const tx = await startTransaction('gesundheitsid', new URL(started.authorizeUrl).searchParams);
  if (!tx.ok) throw new Error('authorize failed');
  const finished = await finishTransaction('gesundheitsid', tx.transactionId, { outcome: 'success', variant });
  if (!finished.ok) throw new Error(finished.error);
  const back = new URL(finished.redirectTo).searchParams;
  return completeGesundheitsIdLogin({ state: back.get('state') ?? '', code: back.get('code') }, started.browserBinding, meta, { fetch: simulatorFetch() });
}

describe('Passwort vergessen', () => {
  it('answers alike for an unknown KVNR, a member without confirmed email and a member, and mails only the member', async () => {
    const { member, kvnr } = await createMember();
    const { member: unconfirmed, kvnr: unconfirmedKvnr } = await createMember();
    await prisma.account.update({ where: { memberId: unconfirmed.id }, data: { emailVerifiedAt: null } });
    const answers = await Promise.all([randomKvnr(), unconfirmedKvnr, kvnr].map((k) => requestPasswordReset({ kvnr: k }, meta)));
    expect(answers).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(await prisma.outboxEmail.count({ where: { memberId: member.id, kind: 'password_reset' } })).toBe(1);
    expect(await prisma.outboxEmail.count({ where: { memberId: unconfirmed.id, kind: 'password_reset' } })).toBe(0);
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { memberId: member.id, kind: 'password_reset' } });
    expect(mail.to).toBe(member.email);
    // Only the hash of the link's token is stored.
    const token = await tokenFromMail(member.id);
    const row = await prisma.passwordReset.findFirstOrThrow({ where: { memberId: member.id } });
    expect(row.tokenHash).not.toContain(token);
    expect(await prisma.auditEvent.count({ where: { subjectMemberId: member.id, action: 'auth.password_reset.requested' } })).toBe(1);
  });

  it('refuses a malformed KVNR with the form schema', async () => {
    const result = await requestPasswordReset({ kvnr: 'A12' }, meta);
    expect(result).toEqual({ ok: false, errors: { kvnr: ['kvnr.format'] } });
  });

  it('needs the link and a new identification as that member, then sets the password once and ends every session', async () => {
    const { member, kvnr, password } = await createMember();
    await createSession(member.id, meta);
    // After "Das war ich nicht" the old password no longer logs in.
    await prisma.account.update({ where: { memberId: member.id }, data: { passwordResetRequiredAt: new Date() } });
    await requestPasswordReset({ kvnr }, meta);
    const token = await tokenFromMail(member.id);
    expect(await resetLinkState(token)).toEqual({ state: 'identify', firstName: member.firstName });

    // The link alone is not enough.
    expect(await completePasswordReset(token, { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, meta)).toEqual({ ok: false, error: 'not_identified' });
    // Nor is a person whose birth date is not the member's.
    expect(await identify(token, 'wrong_birthdate')).toEqual({ ok: true, recovery: { ok: false, error: 'failed' } });
    expect((await resetLinkState(token)).state).toBe('identify');

    const sessionsBefore = await prisma.session.count({ where: { memberId: member.id } });
    expect(await identify(token)).toEqual({ ok: true, recovery: { ok: true } });
    // The identification opened no session.
    expect(await prisma.session.count({ where: { memberId: member.id } })).toBe(sessionsBefore);
    expect((await resetLinkState(token)).state).toBe('choose_password');

    // The password policy holds; nothing is used up by a refused password.
    expect(await completePasswordReset(token, { newPassword: 'passwort1234', confirmPassword: 'passwort1234' }, meta)).toEqual({
      ok: false,
      error: 'invalid_input',
      errors: { newPassword: ['password.common'] },
    });
    expect(await completePasswordReset(token, { newPassword: NEW_PASSWORD, confirmPassword: 'anders' }, meta)).toMatchObject({ ok: false, error: 'invalid_input' });
    const [first, second] = await Promise.all([
      completePasswordReset(token, { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, meta),
      completePasswordReset(token, { newPassword: `${NEW_PASSWORD}!`, confirmPassword: `${NEW_PASSWORD}!` }, meta),
    ]);
    expect([first, second].filter((r) => r.ok)).toHaveLength(1);
    expect(await resetLinkState(token)).toEqual({ state: 'used' });

    const account = await prisma.account.findUniqueOrThrow({ where: { memberId: member.id } });
    expect(account.passwordResetRequiredAt).toBeNull();
    expect(await prisma.session.count({ where: { memberId: member.id, revokedAt: null } })).toBe(0);
    expect(await prisma.notification.count({ where: { memberId: member.id, kind: 'password_reset' } })).toBe(1);
    expect((await loginWithPassword({ kvnr, password }, meta)).ok).toBe(false);
    const winner = first.ok ? NEW_PASSWORD : `${NEW_PASSWORD}!`;
    expect((await loginWithPassword({ kvnr, password: winner }, meta)).ok).toBe(true);
    expect(await prisma.auditEvent.count({ where: { subjectMemberId: member.id, action: 'auth.password_reset.completed' } })).toBe(1);
  });

  it('keeps only the newest link, ends links after 30 minutes, and limits requests per KVNR', async () => {
    const { member, kvnr } = await createMember();
    await requestPasswordReset({ kvnr }, meta);
    const older = await tokenFromMail(member.id);
    await requestPasswordReset({ kvnr }, meta);
    const newer = await tokenFromMail(member.id);
    expect(await resetLinkState(older)).toEqual({ state: 'invalid' });
    expect((await resetLinkState(newer)).state).toBe('identify');
    expect((await resetLinkState(newer, new Date(Date.now() + 31 * 60_000))).state).toBe('expired');

    // A third request still mails; the fourth within the hour is answered alike but sends nothing.
    await requestPasswordReset({ kvnr }, meta);
    expect(await requestPasswordReset({ kvnr }, meta)).toEqual({ ok: true });
    expect(await prisma.outboxEmail.count({ where: { memberId: member.id, kind: 'password_reset' } })).toBe(3);
    expect(await prisma.auditEvent.count({ where: { subjectMemberId: member.id, action: 'auth.password_reset.rate_limited' } })).toBe(1);
  });
});
