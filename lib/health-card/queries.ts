import 'server-only';
import { isUuid } from '@/lib/certificates/queries';
import { prisma } from '@/lib/db';
import { berlinYear } from '@/lib/insurance/calendar';
import { HEALTH_CARDS_PER_YEAR, isValidOn } from './validity';

export type CardStatus = 'pending' | 'valid' | 'expired';

type CardRow = { id: string; requestedAt: Date; readyAt: Date; validFrom: Date; validUntil: Date; verificationCode: string; ordinal: number; year: number };

/** Readiness is worked out when read: ready once processing time has passed, no background job. */
function withStatus<T extends CardRow>(card: T, now: Date): T & { status: CardStatus } {
  const status: CardStatus = card.readyAt > now ? 'pending' : isValidOn(card, now) ? 'valid' : 'expired';
  return { ...card, status };
}

/** The member's replacement certificates, newest first, with their status at `now`. */
export async function listReplacements(memberId: string, now = new Date()) {
  const cards = await prisma.healthCardReplacement.findMany({ where: { memberId }, orderBy: { requestedAt: 'desc' }, take: 20 });
  return cards.map((card) => withStatus(card, now));
}

/** One of the member's cards; null for an id that is not theirs (the caller answers 404). */
export async function findReplacement(memberId: string, id: string, now = new Date()) {
  if (!isUuid(id)) return null;
  const card = await prisma.healthCardReplacement.findFirst({ where: { id, memberId } });
  return card ? withStatus(card, now) : null;
}

/** How many of this calendar year's four the member has used. */
export async function yearlyUsage(memberId: string, now = new Date()) {
  const year = berlinYear(now);
  const quota = await prisma.healthCardQuota.findUnique({ where: { memberId_year: { memberId, year } } });
  return { year, used: quota?.used ?? 0, max: HEALTH_CARDS_PER_YEAR };
}

/** The member's latest online order of a new health card, if any. */
export function latestOrder(memberId: string) {
  return prisma.healthCardOrder.findFirst({ where: { memberId }, orderBy: { createdAt: 'desc' } });
}
