import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { auditEvent } from '@/lib/audit/commands';
import { checkLimit, clearLimit, registerFailure } from '@/lib/auth/rate-limit';
import type { RequestMeta } from '@/lib/http/request-meta';
import { isProviderId, type ProviderId } from './config';
import { claimHandoff, openHandoff, recordOutcome, redeemCode, type HandoffDeps, type ProviderAnswer, type RedeemFailure, type VerifiedIdentity } from './handoff';
import { isoDate, sameName } from './names';
import { smartSwitchSchema } from './schema';

const WINDOW_SECONDS = 3600;

export type StartResult =
  | { ok: true; redirectTo: string }
  | { ok: false; error: 'invalid_input'; fieldErrors: Record<string, string[] | undefined> }
  | { ok: false; error: 'details_mismatch' | 'provider_unavailable' }
  | { ok: false; error: 'rate_limited'; retryAfterSeconds: number };

type Caller = { memberId: string; sessionId: string };

function limitKey(memberId: string): string {
  return `identify:member:${memberId}`;
}

/**
 * "Jetzt zu smart wechseln": checks the form (method, privacy consent, name and KVNR of the logged-in
 * member), then opens the hand-off to the chosen provider. Returns where to send the browser.
 */
export async function startIdentification(input: unknown, caller: Caller, meta: RequestMeta, deps: HandoffDeps = {}): Promise<StartResult> {
  const parsed = smartSwitchSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid_input', fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const { method, firstName, lastName, kvnr } = parsed.data;

  const limit = await checkLimit(limitKey(caller.memberId), env().IDENTIFY_MAX_FAILURES);
  if (limit.limited) {
    await auditEvent({ action: 'identity.rate_limited', actor: { type: 'MEMBER', id: caller.memberId }, subjectMemberId: caller.memberId, meta });
    return { ok: false, error: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };
  }
  const member = await prisma.member.findUniqueOrThrow({ where: { id: caller.memberId } });
  if (member.kvnr !== kvnr || !sameName(member.firstName, firstName) || !sameName(member.lastName, lastName)) {
    return { ok: false, error: 'details_mismatch' };
  }
  const opened = await openHandoff(method, 'identify', { ...caller, loginHint: member.kvnr }, deps).catch((error: unknown) => {
    // Discovery failed: the provider is down or misconfigured. Its name only; the error may hold URLs.
    console.error(`[identity] ${method}: provider metadata unavailable (${error instanceof Error ? error.name : 'error'})`);
    return null;
  });
  if (!opened) return { ok: false, error: 'provider_unavailable' };
  const { request, authorizeUrl } = opened;
  await auditEvent({
    action: 'identity.started',
    actor: { type: 'MEMBER', id: member.id },
    subjectMemberId: member.id,
    meta,
    details: { provider: method, requestId: request.id },
  });
  return { ok: true, redirectTo: authorizeUrl };
}

/** Reasons a provider gives for not identifying the person (OIDC error_description). */
const providerReasons = ['face_mismatch', 'document_expired', 'liveness_failed', 'cancelled', 'eid_disabled', 'pin_blocked'] as const;
export type ProviderReason = (typeof providerReasons)[number];

export type IdentifyFailure = 'invalid_state' | 'identity_mismatch' | 'provider_error' | ProviderReason | RedeemFailure;

export type CompleteResult =
  | { ok: true; provider: ProviderId; smarthealth: boolean; requestId: string }
  | { ok: false; reason: IdentifyFailure; provider?: ProviderId };

// Answers that are not an attempt gone wrong: they do not count towards the pause.
const notCounted: IdentifyFailure[] = ['cancelled', 'eid_disabled'];

/**
 * The provider's answer comes back (callback): the state must belong to an open hand-off of this very
 * session, the result must verify (handoff.ts), and the verified name, birth date and KVNR must be the
 * member's. Then the member is smart; smarthealth is unlocked only when the token's assurance level
 * (`acr`) is one configured as "hoch", whichever provider sent it. Every answer is audited; failed
 * attempts of an open hand-off count towards a pause. An answer that belongs to no open hand-off of this
 * session does not: anyone can make a browser call the callback with a forged state.
 */
export async function completeIdentification(answer: ProviderAnswer, caller: Caller, meta: RequestMeta, deps: HandoffDeps = {}): Promise<CompleteResult> {
  const audit = (action: string, details: Record<string, string>) =>
    auditEvent({ action, actor: { type: 'MEMBER', id: caller.memberId }, subjectMemberId: caller.memberId, meta, details });

  const request = await claimHandoff(answer.state, { purpose: 'identify', ...caller });
  if (!request) {
    await audit('identity.refused', { reason: 'invalid_state' });
    return { ok: false, reason: 'invalid_state' };
  }
  const provider = isProviderId(request.provider) ? request.provider : 'nect';
  const fail = async (reason: IdentifyFailure): Promise<CompleteResult> => {
    await recordOutcome(request.id, reason);
    await audit('identity.failed', { provider, reason, requestId: request.id });
    if (!notCounted.includes(reason)) await registerFailure(limitKey(caller.memberId), env().IDENTIFY_MAX_FAILURES, WINDOW_SECONDS);
    return { ok: false, reason, provider };
  };

  if (answer.error || !answer.code) {
    const reason = providerReasons.find((r) => r === answer.errorDescription) ?? 'provider_error';
    return fail(reason);
  }
  const redeemed = await redeemCode(request, answer, deps);
  if (!redeemed.ok) return fail(redeemed.reason);

  const member = await prisma.member.findUniqueOrThrow({ where: { id: caller.memberId } });
  if (!identityMatches(member, redeemed.identity)) return fail('identity_mismatch');

  const smarthealth = redeemed.identity.assuranceHigh;
  await prisma.$transaction([
    prisma.member.update({ where: { id: member.id }, data: { level: 'SMART', ...(smarthealth ? { smarthealthUnlocked: true } : {}) } }),
    prisma.identityRequest.update({ where: { id: request.id }, data: { outcome: 'success' } }),
    audit('identity.verified', { provider, requestId: request.id, smarthealth: String(smarthealth) }),
  ]);
  await clearLimit(limitKey(caller.memberId));
  return { ok: true, provider, smarthealth, requestId: request.id };
}

/** The verified identity is the member's: same name, birth date and KVNR as the insurer's record. */
export function identityMatches(member: { firstName: string; lastName: string; birthDate: Date; kvnr: string }, identity: VerifiedIdentity): boolean {
  return (
    member.kvnr === identity.kvnr &&
    sameName(member.firstName, identity.givenName) &&
    sameName(member.lastName, identity.familyName) &&
    isoDate(member.birthDate) === identity.birthDate
  );
}
