import 'server-only';
import {
  generateAuthenticationOptions,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { auditEvent } from '@/lib/audit/commands';
import { AppError } from '@/lib/errors/app-error';
import type { RequestMeta } from '@/lib/http/request-meta';
import { authenticationResponseSchema, challengeOf, consumeChallenge, issueChallenge, PROMPT_TIMEOUT_MS, relyingParty, verifyAssertion } from './passkey';
import { verifyPassword } from './password';
import { consumeLimit, giveBack } from './rate-limit';
import type { ActiveSession } from './session';

/**
 * Step-up (BSI TR-03161 O.Auth_11): a change of a login factor, a bound browser, the email, the password or
 * a bank account needs a fresh second factor in this session, checked here on the server. A fresh factor is
 * a passkey confirmation, or the password typed in a browser bound to the member (the bound browser is
 * the other factor then).
 */
export type StepUpMethod = 'passkey' | 'password_bound_browser';

export function stepUpWindowMs(): number {
  return env().STEP_UP_MINUTES * 60_000;
}

/** Whether this session confirmed a second factor within the step-up window. */
export function hasFreshStepUp(session: Pick<ActiveSession, 'stepUpAt'>, now = Date.now()): boolean {
  return session.stepUpAt !== null && now - session.stepUpAt.getTime() < stepUpWindowMs();
}

/** The first line of every security-changing action after requireMember(): throws step_up_required. */
export function requireStepUp(session: Pick<ActiveSession, 'stepUpAt'>): void {
  if (!hasFreshStepUp(session)) throw new AppError('step_up_required');
}

/** Records a successful second-factor confirmation for the session (call only after verifying it). */
export async function recordStepUp(sessionId: string, method: StepUpMethod): Promise<void> {
  await prisma.session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { stepUpAt: new Date(), stepUpMethod: method },
  });
}

export type StepUpCaller = Pick<ActiveSession, 'sessionId' | 'memberId' | 'boundDeviceId' | 'stepUpAt'>;

/** Which confirmations this session can give: a passkey of the member, the password in a bound browser. */
export async function stepUpMethods(caller: StepUpCaller): Promise<{ passkey: boolean; password: boolean; fresh: boolean }> {
  const passkeys = await prisma.passkey.count({ where: { memberId: caller.memberId } });
  return { passkey: passkeys > 0, password: caller.boundDeviceId !== null, fresh: hasFreshStepUp(caller) };
}

/** Options for the passkey confirmation: only the member's own passkeys may answer, once, for this purpose. */
export async function stepUpPasskeyOptions(caller: StepUpCaller): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const passkeys = await prisma.passkey.findMany({ where: { memberId: caller.memberId }, select: { credentialId: true, transports: true } });
  if (passkeys.length === 0) return null;
  const challenge = await issueChallenge('step_up', caller.memberId);
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().id,
    userVerification: 'required',
    timeout: PROMPT_TIMEOUT_MS,
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports })),
  });
  return { ...options, challenge };
}

export type StepUpResult =
  | { ok: true }
  | { ok: false; error: 'invalid' | 'not_available' }
  | { ok: false; error: 'rate_limited'; retryAfterSeconds: number };

const limitKey = (memberId: string) => `step_up:member:${memberId}`;

/**
 * Runs one confirmation under the member's step-up limit: an attempt is taken before the check and
 * given back when it succeeds, so concurrent guesses cannot pass the limit. Success and failure are audited.
 */
async function confirm(caller: StepUpCaller, method: StepUpMethod, meta: RequestMeta, check: () => Promise<boolean>): Promise<StepUpResult> {
  const { LOGIN_MAX_ATTEMPTS: max, LOGIN_WINDOW_MINUTES: minutes } = env();
  const audit = (action: string) =>
    auditEvent({ action, actor: { type: 'MEMBER', id: caller.memberId }, subjectMemberId: caller.memberId, meta, details: { method, sessionId: caller.sessionId } });
  const state = await consumeLimit(limitKey(caller.memberId), max, minutes * 60);
  if (state.limited) {
    await audit('auth.step_up.rate_limited');
    return { ok: false, error: 'rate_limited', retryAfterSeconds: state.retryAfterSeconds };
  }
  if (!(await check())) {
    await audit('auth.step_up.failed');
    return { ok: false, error: 'invalid' };
  }
  await prisma.$transaction([
    prisma.session.updateMany({ where: { id: caller.sessionId, revokedAt: null }, data: { stepUpAt: new Date(), stepUpMethod: method } }),
    audit('auth.step_up.confirmed'),
  ]);
  await giveBack(limitKey(caller.memberId));
  return { ok: true };
}

/** Step-up with a passkey: the browser's answer to stepUpPasskeyOptions(), signed by one of the member's passkeys. */
export async function confirmStepUpWithPasskey(caller: StepUpCaller, input: unknown, meta: RequestMeta): Promise<StepUpResult> {
  return confirm(caller, 'passkey', meta, async () => {
    const parsed = authenticationResponseSchema.safeParse(input);
    if (!parsed.success) return false;
    const response = parsed.data as unknown as AuthenticationResponseJSON;
    if (response.id !== response.rawId) return false;
    const challenge = challengeOf(response.response.clientDataJSON);
    // Used up before the signature is checked, so that an answer cannot be replayed whatever the outcome.
    if (!challenge || !(await consumeChallenge(challenge, 'step_up', caller.memberId))) return false;
    const passkey = await prisma.passkey.findFirst({ where: { credentialId: response.id, memberId: caller.memberId } });
    return passkey !== null && verifyAssertion(response, challenge, passkey);
  });
}

/**
 * Step-up with the password, allowed only in a browser bound to the member: the bound browser's key is
 * then the second factor. A password-only session cannot confirm this way.
 */
export async function confirmStepUpWithPassword(caller: StepUpCaller, password: unknown, meta: RequestMeta): Promise<StepUpResult> {
  if (!caller.boundDeviceId) return { ok: false, error: 'not_available' };
  if (typeof password !== 'string' || password.length === 0 || password.length > 512) return { ok: false, error: 'invalid' };
  return confirm(caller, 'password_bound_browser', meta, async () => {
    const account = await prisma.account.findUnique({ where: { memberId: caller.memberId }, select: { passwordHash: true } });
    return account !== null && verifyPassword(account.passwordHash, password);
  });
}
