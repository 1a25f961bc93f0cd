import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db';
import { consumeLimit, giveBack } from '@/lib/auth/rate-limit';
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
// A real card's PUK allows ten tries over its life; a transaction of the simulator allows this many.
const PUK_TRIES = 3;
// Wrong PINs and PUKs together per address and quarter hour, whatever the transaction: slows down guessing across them.
const IP_LIMIT = 10;
const IP_WINDOW_SECONDS = 900;
const secretsKey = (meta: RequestMeta) => `idp:eid:secrets:${meta.ip ?? 'unknown'}`;
// The portal redeems the code at once; a minute is plenty.
const CODE_SECONDS = 60;

/** An open transaction of the provider; anything that is not a transaction id finds nothing. */
async function activeTransaction(provider: ProviderId, transactionId: unknown) {
  if (!z.uuid().safeParse(transactionId).success) return null;
  return prisma.idpTransaction.findFirst({ where: { id: String(transactionId), provider, finishedAt: null, expiresAt: { gt: new Date() } } });
}

/**
 * The transaction as the simulator's pages show it. Anyone can open an authorisation URL with any
 * login_hint, so the insurer's record of that person (name, birth date) is shown only once the person
 * is identified: for the eID after the right PIN; Robo-Ident and GesundheitsID never show it.
 */
export async function loadTransaction(provider: ProviderId, transactionId: string) {
  const transaction = await activeTransaction(provider, transactionId);
  if (!transaction) return null;
  const identified = provider === 'eid' && transaction.pinVerifiedAt !== null && transaction.loginHint !== null;
  const person = identified && transaction.loginHint ? await recordedIdentity(transaction.loginHint) : null;
  return { id: transaction.id, loginHint: transaction.loginHint, person, pinBlocked: transaction.pinBlockedAt !== null, pinVerified: transaction.pinVerifiedAt !== null };
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
      if (transaction.pinBlockedAt) outcome = 'pin_blocked';
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
 * The eID step "enter your 6-digit PIN". As on a real card, three wrong PINs in a row block the PIN (the
 * PUK from the PIN letter unblocks it); a right PIN resets the counter. The counter belongs to this
 * transaction, so wrong PINs typed under someone else's login_hint block nobody's card but this
 * transaction's; guesses across transactions are limited per address.
 */
export async function submitEidPin(transactionId: string, pin: string, meta: RequestMeta): Promise<PinResult> {
  const transaction = await activeTransaction('eid', transactionId);
  if (!transaction?.loginHint) return { status: 'expired' };
  if (transaction.pinBlockedAt) return { status: 'blocked' };
  const ipKey = secretsKey(meta);
  // Taken before the check and given back on success, so concurrent guesses cannot pass the limit.
  const limit = await consumeLimit(ipKey, IP_LIMIT, IP_WINDOW_SECONDS);
  if (limit.limited) return { status: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };

  if (/^\d{6}$/.test(pin) && pin === SIMULATED_PIN) {
    await giveBack(ipKey);
    await prisma.idpTransaction.update({ where: { id: transaction.id }, data: { pinFailures: 0, pinVerifiedAt: new Date() } });
    return { status: 'ok' };
  }
  const counted = await prisma.idpTransaction.update({ where: { id: transaction.id }, data: { pinFailures: { increment: 1 } } });
  if (counted.pinFailures >= PIN_TRIES) {
    await prisma.idpTransaction.updateMany({ where: { id: transaction.id, pinBlockedAt: null }, data: { pinBlockedAt: new Date() } });
    return { status: 'blocked' };
  }
  return { status: 'wrong', remaining: PIN_TRIES - counted.pinFailures };
}

export type PukResult = 'ok' | 'wrong' | 'rate_limited' | 'expired';

/**
 * Unblocks the PIN with the PUK, as the AusweisApp does: limited per transaction (after the last wrong
 * try the transaction is over) and per address.
 */
export async function unblockWithPuk(transactionId: string, puk: string, meta: RequestMeta = { ip: null, userAgent: null }): Promise<PukResult> {
  const transaction = await activeTransaction('eid', transactionId);
  if (!transaction?.loginHint) return 'expired';
  const ipKey = secretsKey(meta);
  if ((await consumeLimit(ipKey, IP_LIMIT, IP_WINDOW_SECONDS)).limited) return 'rate_limited';
  if (/^\d{10}$/.test(puk) && puk === SIMULATED_PUK) {
    await giveBack(ipKey);
    await prisma.idpTransaction.update({ where: { id: transaction.id }, data: { pinFailures: 0, pinBlockedAt: null } });
    return 'ok';
  }
  const counted = await prisma.idpTransaction.update({ where: { id: transaction.id }, data: { pukFailures: { increment: 1 } } });
  if (counted.pukFailures >= PUK_TRIES) {
    await prisma.idpTransaction.updateMany({ where: { id: transaction.id, finishedAt: null }, data: { outcome: 'pin_blocked', finishedAt: new Date() } });
    return 'expired';
  }
  return 'wrong';
}
