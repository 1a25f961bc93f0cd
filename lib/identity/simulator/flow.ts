import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db';
import { checkLimit, registerFailure } from '@/lib/auth/rate-limit';
import type { RequestMeta } from '@/lib/http/request-meta';
import type { ProviderId } from '../config';
import { randomToken, sha256Hex } from '../crypto';
import { isoDate } from '../names';
import { errorRedirect } from './authorize';
import { identityVariants, simulatorOutcomes, type IdentityClaims, type IdentityVariant, type SimulatorOutcome } from './options';

/** The simulated ID card's PIN and PUK (shown in the test panel). */
export const SIMULATED_PIN = '123456';
export const SIMULATED_PUK = '1234567890';
const PIN_TRIES = 3;
// PIN entries per address and quarter hour, whatever the card: slows down guessing across cards.
const PIN_IP_LIMIT = 10;
const PIN_IP_WINDOW_SECONDS = 900;
// The portal redeems the code at once; a minute is plenty.
const CODE_SECONDS = 60;

/** An open transaction of the provider; anything that is not a transaction id finds nothing. */
async function activeTransaction(provider: ProviderId, transactionId: unknown) {
  if (!z.uuid().safeParse(transactionId).success) return null;
  return prisma.idpTransaction.findFirst({ where: { id: String(transactionId), provider, finishedAt: null, expiresAt: { gt: new Date() } } });
}

/** The transaction as the simulator's pages show it, with the person the document would show. */
export async function loadTransaction(provider: ProviderId, transactionId: string) {
  const transaction = await activeTransaction(provider, transactionId);
  if (!transaction) return null;
  const person = transaction.loginHint ? await recordedIdentity(transaction.loginHint) : null;
  const card = transaction.loginHint ? await prisma.simulatedIdCard.findUnique({ where: { kvnr: transaction.loginHint } }) : null;
  return { id: transaction.id, loginHint: transaction.loginHint, person, pinBlocked: Boolean(card?.pinBlockedAt), pinVerified: Boolean(transaction.pinVerifiedAt) };
}

/**
 * The simulator reads "the document" from the insurer's record of the person the portal named
 * (login_hint), or of the KVNR typed into the test panel; an unknown KVNR gives an invented person.
 */
async function recordedIdentity(kvnr: string): Promise<IdentityClaims> {
  const member = await prisma.member.findUnique({ where: { kvnr }, select: { firstName: true, lastName: true, birthDate: true } });
  if (!member) return { given_name: 'Erika', family_name: 'Mustermann', birthdate: '1964-08-12', kvnr };
  return { given_name: member.firstName, family_name: member.lastName, birthdate: isoDate(member.birthDate), kvnr };
}

function applyVariant(claims: IdentityClaims, variant: IdentityVariant): IdentityClaims {
  if (variant === 'wrong_name') return { ...claims, family_name: `${claims.family_name}-Abweichend` };
  if (variant === 'wrong_birthdate') {
    const date = new Date(`${claims.birthdate}T00:00:00Z`);
    date.setUTCFullYear(date.getUTCFullYear() - 1);
    return { ...claims, birthdate: isoDate(date) };
  }
  return claims;
}

export type FinishChoice = { outcome: SimulatorOutcome; variant: IdentityVariant; kvnr?: string };
export type FinishResult = { ok: true; redirectTo: string } | { ok: false; error: 'expired' | 'pin_required' | 'unknown_person' };

// The test panel's choice arrives through a server action: checked here, whatever the browser sent.
const finishChoiceSchema = z.object({
  outcome: z.string().max(40),
  variant: z.enum(identityVariants),
  kvnr: z.string().trim().max(20).optional(),
});

/**
 * Ends the person's visit at the provider: a success gets a single-use authorisation code, anything
 * else an OIDC error (access_denied with the reason), both sent back to the portal by redirect.
 */
export async function finishTransaction(provider: ProviderId, transactionId: string, input: FinishChoice): Promise<FinishResult> {
  const transaction = await activeTransaction(provider, transactionId);
  if (!transaction) return { ok: false, error: 'expired' };
  const parsed = finishChoiceSchema.safeParse(input);
  const choice = parsed.success ? parsed.data : { outcome: 'cancelled', variant: 'record' as const };
  const now = new Date();
  const allowed: readonly string[] = simulatorOutcomes[provider];
  let outcome: string = allowed.includes(choice.outcome) ? choice.outcome : 'cancelled';

  if (outcome === 'success') {
    const kvnr = transaction.loginHint ?? choice.kvnr?.toUpperCase();
    if (!kvnr) return { ok: false, error: 'unknown_person' };
    if (provider === 'eid') {
      const card = await prisma.simulatedIdCard.findUnique({ where: { kvnr } });
      if (card?.pinBlockedAt) outcome = 'pin_blocked';
      else if (!transaction.pinVerifiedAt) return { ok: false, error: 'pin_required' };
    }
    if (outcome === 'success') {
      const claims = applyVariant(await recordedIdentity(kvnr), choice.variant);
      const code = randomToken();
      const done = await prisma.idpTransaction.updateMany({
        where: { id: transaction.id, finishedAt: null },
        data: { codeHash: sha256Hex(code), codeExpiresAt: new Date(now.getTime() + CODE_SECONDS * 1000), claims, outcome, finishedAt: now },
      });
      if (done.count !== 1) return { ok: false, error: 'expired' };
      const url = new URL(transaction.redirectUri);
      url.searchParams.set('code', code);
      url.searchParams.set('state', transaction.state);
      return { ok: true, redirectTo: url.toString() };
    }
  }
  const done = await prisma.idpTransaction.updateMany({ where: { id: transaction.id, finishedAt: null }, data: { outcome, finishedAt: now } });
  if (done.count !== 1) return { ok: false, error: 'expired' };
  return { ok: true, redirectTo: errorRedirect(transaction.redirectUri, transaction.state, 'access_denied', outcome) };
}

export type PinResult =
  | { status: 'ok' }
  | { status: 'wrong'; remaining: number }
  | { status: 'blocked' }
  | { status: 'rate_limited'; retryAfterSeconds: number }
  | { status: 'expired' };

/**
 * The eID step "enter your 6-digit PIN". As on a real card, three wrong PINs in a row block the PIN
 * (the PUK from the PIN letter unblocks it); a right PIN resets the counter.
 */
export async function submitEidPin(transactionId: string, pin: string, meta: RequestMeta): Promise<PinResult> {
  const transaction = await activeTransaction('eid', transactionId);
  if (!transaction?.loginHint) return { status: 'expired' };
  const kvnr = transaction.loginHint;
  const ipKey = `idp:eid:pin:${meta.ip ?? 'unknown'}`;
  const limit = await checkLimit(ipKey, PIN_IP_LIMIT);
  if (limit.limited) return { status: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };

  const card = await prisma.simulatedIdCard.upsert({ where: { kvnr }, create: { kvnr }, update: {} });
  if (card.pinBlockedAt) return { status: 'blocked' };
  if (/^\d{6}$/.test(pin) && pin === SIMULATED_PIN) {
    await prisma.$transaction([
      prisma.simulatedIdCard.update({ where: { kvnr }, data: { pinFailures: 0 } }),
      prisma.idpTransaction.update({ where: { id: transaction.id }, data: { pinVerifiedAt: new Date() } }),
    ]);
    return { status: 'ok' };
  }
  await registerFailure(ipKey, PIN_IP_LIMIT, PIN_IP_WINDOW_SECONDS);
  const counted = await prisma.simulatedIdCard.update({ where: { kvnr }, data: { pinFailures: { increment: 1 } } });
  if (counted.pinFailures >= PIN_TRIES) {
    await prisma.simulatedIdCard.updateMany({ where: { kvnr, pinBlockedAt: null }, data: { pinBlockedAt: new Date() } });
    return { status: 'blocked' };
  }
  return { status: 'wrong', remaining: PIN_TRIES - counted.pinFailures };
}

/** Unblocks the simulated card's PIN with the PUK, as the AusweisApp does. */
export async function unblockWithPuk(transactionId: string, puk: string): Promise<'ok' | 'wrong' | 'expired'> {
  const transaction = await activeTransaction('eid', transactionId);
  if (!transaction?.loginHint) return 'expired';
  if (puk !== SIMULATED_PUK) return 'wrong';
  await prisma.simulatedIdCard.updateMany({ where: { kvnr: transaction.loginHint }, data: { pinFailures: 0, pinBlockedAt: null } });
  return 'ok';
}
