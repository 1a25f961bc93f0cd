import 'server-only';
import crypto from 'node:crypto';
import { prisma } from '@/lib/db';
import { auditEvent } from '@/lib/audit/commands';
import { ageOn } from '@/lib/identity/names';
import { berlinDate } from '@/lib/insurance/calendar';
import type { RequestMeta } from '@/lib/http/request-meta';

/** Aumio is for children from their 4th to their 13th birthday (aged 4 to 12). */
export const AUMIO_MIN_AGE = 4;
export const AUMIO_MAX_AGE = 12;

export type AumioChild = {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: Date;
  age: number;
  eligibility: 'eligible' | 'too_young' | 'too_old';
  code: string | null;
};

/** The children family-insured through the member, each with their age, whether Aumio fits, and their code. */
export async function aumioChildren(memberId: string, now = new Date()): Promise<AumioChild[]> {
  const today = berlinDate(now);
  const children = await prisma.member.findMany({
    where: { familyHeadId: memberId },
    orderBy: { birthDate: 'desc' },
    select: { id: true, firstName: true, lastName: true, birthDate: true, aumioCode: { select: { code: true } } },
  });
  return children.map((child) => {
    const age = ageOn(child.birthDate, today);
    const eligibility = age < AUMIO_MIN_AGE ? 'too_young' : age > AUMIO_MAX_AGE ? 'too_old' : 'eligible';
    return { id: child.id, firstName: child.firstName, lastName: child.lastName, birthDate: child.birthDate, age, eligibility, code: child.aumioCode?.code ?? null };
  });
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function newCode(): string {
  const chars = Array.from(crypto.randomBytes(8), (b) => ALPHABET[b % ALPHABET.length]).join('');
  return `AUMIO-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/**
 * Requests the free Aumio access for one child of the member: one code per child, so asking again shows
 * the same code. A child who is not the member's, or outside the age range, gets none.
 */
export async function requestAumioCode(memberId: string, childId: string, meta: RequestMeta, now = new Date()): Promise<{ ok: true; code: string } | { ok: false; error: 'not_found' | 'too_young' | 'too_old' }> {
  const child = (await aumioChildren(memberId, now)).find((c) => c.id === childId);
  if (!child) return { ok: false, error: 'not_found' };
  if (child.code) return { ok: true, code: child.code };
  if (child.eligibility !== 'eligible') return { ok: false, error: child.eligibility };
  try {
    const [created] = await prisma.$transaction([
      prisma.aumioCode.create({ data: { childId, requestedBy: memberId, code: newCode() }, select: { code: true } }),
      auditEvent({ action: 'programs.aumio.code_issued', actor: { type: 'MEMBER', id: memberId }, subjectMemberId: memberId, meta, details: { childId } }),
    ]);
    return { ok: true, code: created.code };
  } catch (error) {
    // A second request at the same moment: the unique child key kept one code; show that one.
    const existing = await prisma.aumioCode.findUnique({ where: { childId }, select: { code: true } });
    if (existing) return { ok: true, code: existing.code };
    throw error;
  }
}
