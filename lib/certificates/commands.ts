import 'server-only';
import crypto from 'node:crypto';
import { auditEvent } from '@/lib/audit/commands';
import { prisma } from '@/lib/db';
import type { RequestMeta } from '@/lib/http/request-meta';
import { addDays, berlinDate, parseCalendarDate } from '@/lib/insurance/calendar';
import { pdfToStore } from '@/lib/pdf/stored';
import { generateVerificationCode } from './code';
import { coverageWithin } from './coverage';
import { renderCertificate } from './document';
import { issueCertificateSchema, type IssueCertificateInput } from './schema';

export type IssueResult =
  | { ok: true; certificateId: string }
  | { ok: false; error: 'invalid'; fieldErrors: Record<string, string[] | undefined> }
  | { ok: false; error: 'not_insured' | 'no_periods' | 'future' };

/**
 * Issues a Versicherungsbescheinigung: decides the period it speaks about and the coverage within it,
 * renders the PDF once, and records certificate, document (with its SHA-256) and audit row in one
 * transaction. Downloads return exactly these bytes.
 */
export async function issueCertificate(memberId: string, input: IssueCertificateInput, meta: RequestMeta, now = new Date()): Promise<IssueResult> {
  const parsed = issueCertificateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid', fieldErrors: parsed.error.flatten().fieldErrors };
  const today = berlinDate(now);
  const periods = await prisma.insurancePeriod.findMany({ where: { memberId }, orderBy: { startsOn: 'asc' } });

  let periodFrom: Date;
  let periodTo: Date | null;
  if (parsed.data.kind === 'MEMBERSHIP') {
    const current = periods.findLast((p) => p.startsOn <= today && (p.endsOn === null || p.endsOn >= today));
    if (!current) return { ok: false, error: 'not_insured' };
    // The membership began where the unbroken chain of periods up to today began.
    let start = current.startsOn;
    for (const p of [...periods].reverse()) {
      if (p.endsOn && p.startsOn < start && addDays(p.endsOn, 1) >= start) start = p.startsOn;
    }
    periodFrom = start;
    periodTo = current.endsOn;
  } else {
    const from = parseCalendarDate(parsed.data.periodFrom ?? '');
    const to = parseCalendarDate(parsed.data.periodTo ?? '');
    if (!from || !to) return { ok: false, error: 'invalid', fieldErrors: { periodFrom: ['form.errors.date'] } };
    if (to > today) return { ok: false, error: 'future' };
    if (!periods.some((p) => p.startsOn <= to && (p.endsOn === null || p.endsOn >= from))) return { ok: false, error: 'no_periods' };
    periodFrom = from;
    periodTo = to;
  }

  const member = await prisma.member.findUniqueOrThrow({ where: { id: memberId } });
  const id = crypto.randomUUID();
  const facts = { kind: parsed.data.kind, periodFrom, periodTo, issuedAt: now, verificationCode: generateVerificationCode() };
  const coverage = coverageWithin(periods, periodFrom, periodTo);
  const document = pdfToStore(memberId, await renderCertificate(facts, member, coverage));
  await prisma.$transaction([
    document.create,
    prisma.certificate.create({ data: { id, memberId, ...facts, coverage, documentId: document.id } }),
    auditEvent({
      action: 'certificate.issued',
      actor: { type: 'MEMBER', id: memberId },
      subjectMemberId: memberId,
      meta,
      details: { certificateId: id, kind: parsed.data.kind },
    }),
  ]);
  return { ok: true, certificateId: id };
}
