import 'server-only';
import { checkLimit, registerFailure } from '@/lib/auth/rate-limit';
import { env } from '@/lib/config/env';
import { prisma } from '@/lib/db';
import { isValidOn } from '@/lib/health-card/validity';
import { parseCalendarDate } from '@/lib/insurance/calendar';
import { normaliseVerificationCode } from './code';
import { readCoverage } from './coverage';

/** A covered span or a gap, as the certificate lists it; no kinds or payers on the public page. */
export type VerifiedSpan = { from: Date; to: Date | null; gap: boolean };

type Genuine = { status: 'genuine'; name: string; periodFrom: Date; periodTo: Date | null; issuedAt: Date };

export type Verification =
  /** `coverage`: what the certificate certifies (null for one issued before it was kept). */
  | (Genuine & { document: 'MEMBERSHIP' | 'INSURANCE_PERIODS'; coverage: VerifiedSpan[] | null })
  | (Genuine & { document: 'HEALTH_CARD'; validToday: boolean })
  | { status: 'unknown' }
  | { status: 'rate_limited'; retryAfterSeconds: number };

/**
 * The public check of a printed verification code. Tells whether a certificate or replacement health
 * card with that code was issued, for whom (name only), and what it says: the covered periods and gaps
 * of a certificate as issued, the validity of a card and whether it holds today. Nothing else. Wrong codes
 * are counted per IP address, so that codes cannot be guessed in bulk.
 */
export async function verifyCode(input: string, ip: string | null, now = new Date()): Promise<Verification> {
  const key = `verify:${ip ?? 'unknown'}`;
  const { VERIFY_MAX_FAILURES: max, VERIFY_WINDOW_MINUTES: minutes } = env();
  const limit = await checkLimit(key, max);
  if (limit.limited) return { status: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };

  const code = normaliseVerificationCode(input);
  const found = code ? await lookUp(code, now) : null;
  if (!found) {
    await registerFailure(key, max, minutes * 60);
    return { status: 'unknown' };
  }
  return found;
}

async function lookUp(code: string, now: Date): Promise<Verification | null> {
  const name = { select: { firstName: true, lastName: true } } as const;
  const certificate = await prisma.certificate.findUnique({ where: { verificationCode: code }, include: { member: name } });
  if (certificate) {
    return {
      status: 'genuine',
      document: certificate.kind,
      name: `${certificate.member.firstName} ${certificate.member.lastName}`,
      periodFrom: certificate.periodFrom,
      periodTo: certificate.periodTo,
      issuedAt: certificate.issuedAt,
      coverage: publicSpans(certificate.coverage),
    };
  }
  const card = await prisma.healthCardReplacement.findUnique({ where: { verificationCode: code }, include: { member: name } });
  // A card still in processing has not been handed out: its code is not valid yet.
  if (card && card.readyAt <= now) {
    return {
      status: 'genuine',
      document: 'HEALTH_CARD',
      name: `${card.member.firstName} ${card.member.lastName}`,
      periodFrom: card.validFrom,
      periodTo: card.validUntil,
      issuedAt: card.readyAt,
      validToday: isValidOn(card, now),
    };
  }
  return null;
}

/** Covered periods next to each other become one span: the public page tells covered or not, not how. */
function publicSpans(stored: unknown): VerifiedSpan[] | null {
  const entries = readCoverage(stored);
  if (!entries) return null;
  const spans: VerifiedSpan[] = [];
  for (const entry of entries) {
    const span = { from: parseCalendarDate(entry.from) as Date, to: entry.to ? parseCalendarDate(entry.to) : null, gap: entry.gap };
    const previous = spans.at(-1);
    if (previous && !previous.gap && !span.gap) previous.to = previous.to === null || span.to === null ? null : span.to > previous.to ? span.to : previous.to;
    else spans.push(span);
  }
  return spans;
}
