import 'server-only';
import { encode } from 'next-auth/jwt';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { auditEvent } from '@/lib/audit/commands';
import { checkLimit, clearLimit, registerFailure } from '@/lib/auth/rate-limit';
import { createSession, sessionCookieName } from '@/lib/auth/session';
import type { RequestMeta } from '@/lib/http/request-meta';
import { completeRecoveryIdentification, type RecoveryIdentificationResult } from '@/lib/auth/recovery';
import { randomToken } from './crypto';
import { claimHandoff, openHandoff, recordOutcome, redeemCode, type HandoffDeps, type ProviderAnswer } from './handoff';
import { identityMatches } from './identification';

/** The cookie that ties a GesundheitsID login's answer to the browser that started it. */
export const LOGIN_BINDING_COOKIE = 'hek.idp-login';
const LOGIN_BINDING_MINUTES = 30;

/** Starts "Mit GesundheitsID anmelden": a hand-off bound to a random value in a cookie of this browser. */
export async function startGesundheitsIdLogin(meta: RequestMeta, deps: HandoffDeps = {}) {
  const browserBinding = randomToken();
  const { request, authorizeUrl } = await openHandoff('gesundheitsid', 'login', { browserBinding }, deps);
  await auditEvent({ action: 'auth.gesundheitsid.started', actor: { type: 'ANONYMOUS' }, meta, details: { requestId: request.id } });
  return {
    authorizeUrl,
    bindingCookie: {
      name: LOGIN_BINDING_COOKIE,
      value: browserBinding,
      options: { httpOnly: true, sameSite: 'lax' as const, path: '/api/identity/login', secure: env().secureCookies, maxAge: LOGIN_BINDING_MINUTES * 60 },
    },
  };
}

export type GesundheitsIdLoginResult =
  | { ok: true; memberId: string; token: string }
  | { ok: true; recovery: RecoveryIdentificationResult }
  | { ok: false; error: 'invalid_state' | 'cancelled' | 'failed' | 'no_account' | 'locked' | 'email_unconfirmed' }
  | { ok: false; error: 'rate_limited'; retryAfterSeconds: number };

/**
 * The GesundheitsID's answer to a login: a verified result (handoff.ts) whose KVNR belongs to a member
 * with a login, and whose name and birth date are that member's, opens a session like a password login.
 * The browser still needs its bound key (or a new identification) before smart features open.
 */
export async function completeGesundheitsIdLogin(
  answer: ProviderAnswer,
  browserBinding: string,
  meta: RequestMeta,
  deps: HandoffDeps = {},
): Promise<GesundheitsIdLoginResult> {
  const { LOGIN_MAX_ATTEMPTS: max, LOGIN_WINDOW_MINUTES: minutes } = env();
  const ipKey = `login:ip:${meta.ip ?? 'unknown'}`;
  const limit = await checkLimit(ipKey, max * 10);
  if (limit.limited) return { ok: false, error: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };

  const refuse = async (error: Exclude<GesundheitsIdLoginResult, { ok: true }>['error'], reason: string, memberId: string | null = null, requestId?: string) => {
    if (requestId) await recordOutcome(requestId, reason);
    // A cancel, and an answer that belongs to no open hand-off of this browser, are no guesses.
    if (error !== 'cancelled' && error !== 'invalid_state') await registerFailure(ipKey, max * 10, minutes * 60);
    await auditEvent({ action: 'auth.login.failed', actor: { type: 'ANONYMOUS' }, subjectMemberId: memberId, meta, details: { method: 'gesundheitsid', reason } });
    return { ok: false as const, error } as GesundheitsIdLoginResult;
  };

  const request = await claimHandoff(answer.state, { purpose: 'login', browserBinding });
  if (!request) return refuse('invalid_state', 'invalid_state');
  // A password recovery's identification (lib/auth/recovery.ts): it opens no session.
  if (request.memberId) return { ok: true, recovery: await completeRecoveryIdentification(request, answer, meta, deps) };
  if (answer.error || !answer.code) return refuse(answer.errorDescription === 'cancelled' ? 'cancelled' : 'failed', answer.errorDescription ?? 'provider_error', null, request.id);

  const redeemed = await redeemCode(request, answer, deps);
  if (!redeemed.ok) return refuse('failed', redeemed.reason, null, request.id);
  const member = await prisma.member.findUnique({ where: { kvnr: redeemed.identity.kvnr }, include: { account: true } });
  if (!member?.account) return refuse('no_account', 'no_account', member?.id ?? null, request.id);
  if (!identityMatches(member, redeemed.identity)) return refuse('failed', 'identity_mismatch', member.id, request.id);
  if (member.account.lockedAt) return refuse('locked', 'locked', member.id, request.id);
  if (!member.account.emailVerifiedAt) return refuse('email_unconfirmed', 'email_unconfirmed', member.id, request.id);

  await recordOutcome(request.id, 'success');
  await clearLimit(`login:kvnr:${member.kvnr}`);
  const { token } = await createSession(member.id, meta, { method: 'gesundheitsid' });
  return { ok: true, memberId: member.id, token };
}

/**
 * The session cookie exactly as next-auth writes it (lib/auth/options.ts): its encrypted JWT holds only
 * the session token, so logout and the session checks treat this login like any other.
 */
export async function sessionCookie(token: string) {
  const config = env();
  const maxAge = config.SESSION_MAX_HOURS * 3600;
  return {
    name: sessionCookieName(),
    value: await encode({ token: { sid: token }, secret: config.authSecret, maxAge }),
    options: { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: config.secureCookies, maxAge },
  };
}
