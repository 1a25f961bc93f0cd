import 'server-only';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { auditEvent } from '@/lib/audit/commands';
import type { RequestMeta } from '@/lib/http/request-meta';
import { verifyAgainstDummy, verifyPassword } from './password';
import { checkLimit, clearLimit, registerFailure } from './rate-limit';
import { loginSchema } from './schema';
import { createSession } from './session';

export type LoginResult =
  | { ok: true; memberId: string; token: string }
  | { ok: false; error: 'invalid_input' | 'invalid_credentials' | 'locked' | 'email_unconfirmed' }
  | { ok: false; error: 'rate_limited'; retryAfterSeconds: number };

// Attempts from one address across many KVNRs (credential stuffing) are limited more loosely than
// attempts on one KVNR, so that a shared office address does not lock out a whole practice.
const IP_FACTOR = 10;

/**
 * Factor one of the login: KVNR and password. An unknown KVNR and a wrong password give the same answer,
 * so that the login does not reveal who is a registered member.
 */
export async function loginWithPassword(input: unknown, meta: RequestMeta): Promise<LoginResult> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid_input' };
  const { kvnr, password } = parsed.data;
  const { LOGIN_MAX_ATTEMPTS: max, LOGIN_WINDOW_MINUTES: minutes } = env();
  const kvnrKey = `login:kvnr:${kvnr}`;
  const ipKey = `login:ip:${meta.ip ?? 'unknown'}`;

  for (const [key, limit] of [[kvnrKey, max], [ipKey, max * IP_FACTOR]] as const) {
    const state = await checkLimit(key, limit);
    if (state.limited) {
      await auditEvent({ action: 'auth.login.rate_limited', actor: { type: 'ANONYMOUS' }, meta, details: { key: key.split(':')[1] ?? '' } });
      return { ok: false, error: 'rate_limited', retryAfterSeconds: state.retryAfterSeconds };
    }
  }

  const member = await prisma.member.findUnique({ where: { kvnr }, include: { account: true } });
  const account = member?.account;
  const valid = account ? await verifyPassword(account.passwordHash, password) : (await verifyAgainstDummy(password), false);

  if (!member || !account || !valid) {
    await registerFailure(kvnrKey, max, minutes * 60);
    await registerFailure(ipKey, max * IP_FACTOR, minutes * 60);
    await auditEvent({
      action: 'auth.login.failed',
      actor: { type: 'ANONYMOUS' },
      subjectMemberId: member?.id ?? null,
      meta,
      details: { reason: member ? 'wrong_password' : 'unknown_kvnr' },
    });
    return { ok: false, error: 'invalid_credentials' };
  }
  if (account.lockedAt) {
    await auditEvent({ action: 'auth.login.locked', actor: { type: 'MEMBER', id: member.id }, subjectMemberId: member.id, meta });
    return { ok: false, error: 'locked' };
  }
  // Only after the right password, so that the answer tells nothing to someone who does not know it.
  if (!account.emailVerifiedAt) {
    await auditEvent({ action: 'auth.login.email_unconfirmed', actor: { type: 'MEMBER', id: member.id }, subjectMemberId: member.id, meta });
    return { ok: false, error: 'email_unconfirmed' };
  }

  await clearLimit(kvnrKey);
  const { token } = await createSession(member.id, meta, { method: 'password' });
  return { ok: true, memberId: member.id, token };
}
