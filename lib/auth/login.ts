import 'server-only';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { auditEvent } from '@/lib/audit/commands';
import type { RequestMeta } from '@/lib/http/request-meta';
import { verifyAgainstDummy, verifyPassword } from './password';
import { clearLimit, consumeLimit, giveBack } from './rate-limit';
import { loginSchema } from './schema';
import { createSession } from './session';

export type LoginResult =
  | { ok: true; memberId: string; token: string }
  | { ok: false; error: 'invalid_input' | 'invalid_credentials' | 'locked' | 'email_unconfirmed' | 'password_reset_required' }
  | { ok: false; error: 'rate_limited'; retryAfterSeconds: number };

// Attempts from one address across many KVNRs (credential stuffing) are limited more loosely than
// attempts on one KVNR, so that a shared office address does not lock out a whole practice.
const IP_FACTOR = 10;

/**
 * Factor one of the login: KVNR and password. An unknown KVNR and a wrong password give the same answer,
 * so that the login does not reveal who is a registered member. Each attempt is taken from the KVNR's and
 * the address's limits before the password is checked (one atomic statement each), so that concurrent
 * guesses cannot pass the limit; a successful login gives its attempts back.
 */
export async function loginWithPassword(input: unknown, meta: RequestMeta): Promise<LoginResult> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid_input' };
  const { kvnr, password } = parsed.data;
  const { LOGIN_MAX_ATTEMPTS: max, LOGIN_WINDOW_MINUTES: minutes } = env();
  const kvnrKey = `login:kvnr:${kvnr}`;
  const ipKey = `login:ip:${meta.ip ?? 'unknown'}`;

  const limited = async (key: string, retryAfterSeconds: number): Promise<LoginResult> => {
    await auditEvent({ action: 'auth.login.rate_limited', actor: { type: 'ANONYMOUS' }, meta, details: { key: key.split(':')[1] ?? '' } });
    return { ok: false, error: 'rate_limited', retryAfterSeconds };
  };
  const kvnrState = await consumeLimit(kvnrKey, max, minutes * 60);
  if (kvnrState.limited) return limited(kvnrKey, kvnrState.retryAfterSeconds);
  const ipState = await consumeLimit(ipKey, max * IP_FACTOR, minutes * 60);
  if (ipState.limited) {
    await giveBack(kvnrKey);
    return limited(ipKey, ipState.retryAfterSeconds);
  }

  const member = await prisma.member.findUnique({ where: { kvnr }, include: { account: true } });
  const account = member?.account;
  const valid = account ? await verifyPassword(account.passwordHash, password) : (await verifyAgainstDummy(password), false);

  if (!member || !account || !valid) {
    await auditEvent({
      action: 'auth.login.failed',
      actor: { type: 'ANONYMOUS' },
      subjectMemberId: member?.id ?? null,
      meta,
      details: { reason: member ? 'wrong_password' : 'unknown_kvnr' },
    });
    return { ok: false, error: 'invalid_credentials' };
  }
  // The right password: whoever typed it knows it, so its attempts are given back.
  await Promise.all([clearLimit(kvnrKey), giveBack(ipKey)]);
  if (account.lockedAt) {
    await auditEvent({ action: 'auth.login.locked', actor: { type: 'MEMBER', id: member.id }, subjectMemberId: member.id, meta });
    return { ok: false, error: 'locked' };
  }
  // Only after the right password, so that the answer tells nothing to someone who does not know it.
  if (!account.emailVerifiedAt) {
    await auditEvent({ action: 'auth.login.email_unconfirmed', actor: { type: 'MEMBER', id: member.id }, subjectMemberId: member.id, meta });
    return { ok: false, error: 'email_unconfirmed' };
  }
  // "Das war ich nicht": someone else may know this password, so it no longer logs in.
  if (account.passwordResetRequiredAt) {
    await auditEvent({ action: 'auth.login.password_reset_required', actor: { type: 'MEMBER', id: member.id }, subjectMemberId: member.id, meta });
    return { ok: false, error: 'password_reset_required' };
  }

  const { token } = await createSession(member.id, meta, { method: 'password' });
  return { ok: true, memberId: member.id, token };
}
