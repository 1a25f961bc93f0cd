import 'server-only';
import { checkLimit, registerFailure } from '@/lib/auth/rate-limit';
import { env } from '@/lib/config/env';
import { prisma } from '@/lib/db';
import { normaliseVerificationCode } from './code';

export type Verification =
  | { status: 'genuine'; document: 'MEMBERSHIP' | 'INSURANCE_PERIODS' | 'HEALTH_CARD'; name: string; periodFrom: Date; periodTo: Date | null; issuedAt: Date }
  | { status: 'unknown' }
  | { status: 'rate_limited'; retryAfterSeconds: number };

/**
 * The public check of a printed verification code. Tells whether a certificate or replacement health
 * card with that code was issued, for whom (name only) and for which period: nothing else. Wrong codes
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
    };
  }
  return null;
}
