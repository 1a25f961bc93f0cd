import 'server-only';
import crypto from 'node:crypto';
import { auditEvent } from '@/lib/audit/commands';
import { registerFailure } from '@/lib/auth/rate-limit';
import { env } from '@/lib/config/env';
import { formatVerificationCode, generateVerificationCode } from '@/lib/certificates/code';
import { prisma } from '@/lib/db';
import type { RequestMeta } from '@/lib/http/request-meta';
import { germanDate, isoDate } from '@/lib/insurance/calendar';
import { queueEmail } from '@/lib/mail/outbox';
import { verificationUrl } from '@/lib/pdf/letterhead';
import { documentTranslator } from '@/lib/pdf/texts';
import { issueReplacementDocument } from './document';
import { findReplacement } from './queries';
import { orderHealthCardSchema, requestReplacementSchema, sendReplacementSchema, type OrderHealthCardInput, type SendReplacementInput } from './schema';
import { HEALTH_CARDS_PER_YEAR, healthCardValidity, isValidOn } from './validity';

export type RequestResult =
  | { status: 'created' | 'existing' | 'in_progress'; cardId: string }
  | { status: 'still_valid'; cardId: string; validUntil: Date }
  | { status: 'limit_reached' }
  | { status: 'invalid' };

type Options = { now?: Date; delaySeconds?: number };

/**
 * Requests a digitale Gesundheitskarte (Ersatzbescheinigung). One SQL statement takes one of the year's
 * four slots with a conditional upsert on the member's counter row (which PostgreSQL locks, so two
 * simultaneous requests are counted one after the other), inserts the card only when a slot was taken,
 * and writes the audit row. The same requestKey (a double submit) returns the card already made. While a
 * card is being made, a new request is that card (in_progress); while one is still valid, a new one is
 * made only when the member confirmed it (replaceValid), so a slot is never used up by accident.
 */
export async function requestReplacement(
  memberId: string,
  input: { requestKey: string; replaceValid?: boolean },
  meta: RequestMeta,
  options: Options = {},
): Promise<RequestResult> {
  const parsed = requestReplacementSchema.safeParse({ requestKey: input.requestKey });
  if (!parsed.success) return { status: 'invalid' };
  const { requestKey } = parsed.data;
  const existing = await prisma.healthCardReplacement.findUnique({ where: { memberId_requestKey: { memberId, requestKey } }, select: { id: true } });
  if (existing) return { status: 'existing', cardId: existing.id };

  const now = options.now ?? new Date();
  const latest = await prisma.healthCardReplacement.findFirst({
    where: { memberId },
    orderBy: { requestedAt: 'desc' },
    select: { id: true, readyAt: true, validFrom: true, validUntil: true },
  });
  if (latest && latest.readyAt > now) return { status: 'in_progress', cardId: latest.id };
  if (latest && isValidOn(latest, now) && input.replaceValid !== true) return { status: 'still_valid', cardId: latest.id, validUntil: latest.validUntil };

  const readyAt = new Date(now.getTime() + (options.delaySeconds ?? env().HEALTH_CARD_DELAY_SECONDS) * 1000);
  const { validFrom, validUntil, year } = healthCardValidity(now);
  const cardId = crypto.randomUUID();
  try {
    const rows = await prisma.$queryRaw<{ id: string }[]>`
      WITH slot AS (
        INSERT INTO "HealthCardQuota" ("memberId", "year", "used")
        VALUES (${memberId}::uuid, ${year}, 1)
        ON CONFLICT ("memberId", "year") DO UPDATE SET "used" = "HealthCardQuota"."used" + 1
          WHERE "HealthCardQuota"."used" < ${HEALTH_CARDS_PER_YEAR}
        RETURNING "used"
      ), card AS (
        INSERT INTO "HealthCardReplacement"
          ("id", "memberId", "year", "ordinal", "requestedAt", "readyAt", "validFrom", "validUntil", "verificationCode", "requestKey")
        SELECT ${cardId}::uuid, ${memberId}::uuid, ${year}, slot."used", ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC',
               ${readyAt.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${isoDate(validFrom)}::date, ${isoDate(validUntil)}::date,
               ${generateVerificationCode()}, ${requestKey}
        FROM slot
        RETURNING "id", "ordinal"
      ), audit AS (
        INSERT INTO "AuditEvent" ("id", "actorType", "actorId", "subjectMemberId", "action", "ip", "userAgent", "details")
        SELECT ${crypto.randomUUID()}::uuid, 'MEMBER'::"ActorType", ${memberId}, ${memberId}::uuid, 'health_card.requested',
               ${meta.ip}, ${meta.userAgent}, jsonb_build_object('cardId', card."id", 'ordinal', card."ordinal", 'year', ${year}::int)
        FROM card
      )
      SELECT "id"::text AS "id" FROM card`;
    if (!rows[0]) return { status: 'limit_reached' };
    await storeDocument(rows[0].id);
    return { status: 'created', cardId: rows[0].id };
  } catch (error) {
    // The same requestKey arrived twice at once: the statement lost on the unique key, nothing was
    // counted, and the other request's card is the answer.
    const again = await prisma.healthCardReplacement.findUnique({ where: { memberId_requestKey: { memberId, requestKey } }, select: { id: true } });
    if (again) return { status: 'existing', cardId: again.id };
    throw error;
  }
}

/**
 * The card's PDF is rendered and stored when it is issued. The card stands without it: should rendering
 * fail, the first download renders and stores it instead (once).
 */
async function storeDocument(cardId: string): Promise<void> {
  try {
    await issueReplacementDocument(cardId);
  } catch (error) {
    console.error(`health card ${cardId}: document not stored at issue (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Ends the processing of the member's pending cards now (the test API; a back-office tool would do the same). */
export async function finishProcessing(memberId: string, now = new Date()): Promise<number> {
  const { count } = await prisma.healthCardReplacement.updateMany({ where: { memberId, readyAt: { gt: now } }, data: { readyAt: now } });
  return count;
}

export type SendResult = { status: 'sent'; to: string } | { status: 'not_found' | 'not_ready' | 'rate_limited' } | { status: 'invalid'; fieldErrors: Record<string, string[] | undefined> };

const MAILS_PER_DAY = 10;

/**
 * Sends a ready replacement certificate by email, to the member or to an address they enter (their
 * doctor's practice). The outbox carries text only, so the mail holds the verification code and the
 * link to the public verification page, which shows the name and validity, and nothing else.
 */
export async function sendReplacementByEmail(memberId: string, input: SendReplacementInput, meta: RequestMeta, now = new Date()): Promise<SendResult> {
  const parsed = sendReplacementSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', fieldErrors: parsed.error.flatten().fieldErrors };
  const card = await findReplacement(memberId, parsed.data.cardId, now);
  if (!card) return { status: 'not_found' };
  if (card.status === 'pending') return { status: 'not_ready' };
  // The portal must not become a way to send mail to anyone in bulk.
  const limit = await registerFailure(`health-card-mail:${memberId}`, MAILS_PER_DAY + 1, 24 * 3600);
  if (limit.limited) return { status: 'rate_limited' };

  const member = await prisma.member.findUniqueOrThrow({ where: { id: memberId }, select: { firstName: true, lastName: true, email: true } });
  const to = parsed.data.recipient === 'self' ? member.email : (parsed.data.email ?? '');
  const t = documentTranslator('healthCard.mail');
  const values = {
    name: `${member.firstName} ${member.lastName}`,
    validFrom: germanDate(card.validFrom),
    validUntil: germanDate(card.validUntil),
    code: formatVerificationCode(card.verificationCode),
    url: verificationUrl(card.verificationCode),
  };
  await prisma.$transaction([
    queueEmail({ to, subject: t('subject', values), text: t('text', values), kind: 'health_card', memberId }),
    auditEvent({
      action: 'health_card.sent',
      actor: { type: 'MEMBER', id: memberId },
      subjectMemberId: memberId,
      meta,
      details: { cardId: card.id, recipient: parsed.data.recipient },
    }),
  ]);
  return { status: 'sent', to };
}

export type OrderResult = { status: 'ordered' | 'existing'; orderId: string } | { status: 'invalid' };

/** Records an order for a new electronic health card; the same requestKey (a double submit) orders once. */
export async function orderHealthCard(memberId: string, input: OrderHealthCardInput, meta: RequestMeta): Promise<OrderResult> {
  const parsed = orderHealthCardSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid' };
  const { reason, requestKey } = parsed.data;
  const existing = await prisma.healthCardOrder.findUnique({ where: { memberId_requestKey: { memberId, requestKey } }, select: { id: true } });
  if (existing) return { status: 'existing', orderId: existing.id };
  const id = crypto.randomUUID();
  try {
    await prisma.$transaction([
      prisma.healthCardOrder.create({ data: { id, memberId, reason, requestKey } }),
      auditEvent({ action: 'health_card.ordered', actor: { type: 'MEMBER', id: memberId }, subjectMemberId: memberId, meta, details: { orderId: id, reason } }),
    ]);
    return { status: 'ordered', orderId: id };
  } catch (error) {
    const again = await prisma.healthCardOrder.findUnique({ where: { memberId_requestKey: { memberId, requestKey } }, select: { id: true } });
    if (again) return { status: 'existing', orderId: again.id };
    throw error;
  }
}
