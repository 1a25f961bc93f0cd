import 'server-only';
import { prisma } from '@/lib/db';
import { berlinDate, germanDate } from '@/lib/insurance/calendar';
import { withGaps } from '@/lib/insurance/queries';
import { letterFrame, verificationBlock } from '@/lib/pdf/letterhead';
import { renderPdf } from '@/lib/pdf/pool';
import { documentTranslator } from '@/lib/pdf/texts';
import type { PdfDocumentSpec } from '@/lib/pdf/types';
import { findCertificate } from './queries';

type CertificateRecord = NonNullable<Awaited<ReturnType<typeof findCertificate>>>;
type MemberRecord = NonNullable<Awaited<ReturnType<typeof loadMember>>>;
type PeriodRecord = Awaited<ReturnType<typeof loadPeriods>>[number];

function loadMember(memberId: string) {
  return prisma.member.findUnique({ where: { id: memberId } });
}

function loadPeriods(memberId: string) {
  return prisma.insurancePeriod.findMany({ where: { memberId }, orderBy: { startsOn: 'asc' } });
}

/**
 * The certificate as a document description, rebuilt from the record and the member's periods: the
 * periods the certificate speaks about, clipped to its span, with gaps shown.
 */
export function certificateSpec(certificate: CertificateRecord, member: MemberRecord, periods: PeriodRecord[]): PdfDocumentSpec {
  const t = documentTranslator('certificates.pdf');
  const kinds = documentTranslator('common.membershipType');
  const name = `${member.firstName} ${member.lastName}`;
  const from = certificate.periodFrom;
  const to = certificate.periodTo;
  const inSpan = periods
    .filter((p) => (to === null || p.startsOn <= to) && (p.endsOn === null || p.endsOn >= from))
    .map((p) => ({
      type: 'period' as const,
      id: p.id,
      kind: p.kind,
      payerName: p.payerName,
      startsOn: p.startsOn < from ? from : p.startsOn,
      endsOn: to && (p.endsOn === null || p.endsOn > to) ? to : p.endsOn,
    }));
  const rows = withGaps(inSpan).map((entry) =>
    entry.type === 'gap'
      ? [germanDate(entry.startsOn), germanDate(entry.endsOn), t('table.gap'), '–']
      : [germanDate(entry.startsOn), entry.endsOn ? germanDate(entry.endsOn) : t('table.open'), kinds(entry.kind), entry.payerName],
  );
  const issued = germanDate(berlinDate(certificate.issuedAt));
  const values = { name, birthDate: germanDate(member.birthDate), from: germanDate(from), to: to ? germanDate(to) : '', date: issued };
  const membership = certificate.kind === 'MEMBERSHIP';
  return {
    ...letterFrame(member),
    title: t(membership ? 'membership.title' : 'periods.title'),
    facts: [
      [t('facts.kvnr'), member.kvnr],
      [t('facts.birthDate'), germanDate(member.birthDate)],
      [t('facts.issuedAt'), issued],
    ],
    paragraphs: membership
      ? [t('membership.text', values), t(to ? 'membership.until' : 'membership.ongoing', { ...values, to: to ? germanDate(to) : '' }), t('membership.purpose')]
      : [t('periods.text', values)],
    table: { columns: [t('table.from'), t('table.to'), t('table.kind'), t('table.payer')], rows },
    closing: [t('closing.machine'), t('closing.regards'), t('closing.signature')],
    verification: verificationBlock(certificate.verificationCode),
  };
}

/** The PDF of one of the member's certificates; null when the id is not theirs. */
export async function renderCertificatePdf(memberId: string, certificateId: string) {
  const certificate = await findCertificate(memberId, certificateId);
  if (!certificate) return null;
  const [member, periods] = await Promise.all([loadMember(memberId), loadPeriods(memberId)]);
  if (!member) return null;
  const pdf = await renderPdf(certificateSpec(certificate, member, periods));
  const kind = certificate.kind === 'MEMBERSHIP' ? 'Mitgliedsbescheinigung' : 'Versicherungsbescheinigung';
  return { pdf, filename: `HEK-${kind}-${certificate.issuedAt.toISOString().slice(0, 10)}.pdf` };
}

