import 'server-only';
import { prisma } from '@/lib/db';
import { berlinDate, germanDate, parseCalendarDate } from '@/lib/insurance/calendar';
import { letterFrame, verificationBlock } from '@/lib/pdf/letterhead';
import { renderPdf } from '@/lib/pdf/pool';
import { loadStoredPdf, storeOnce } from '@/lib/pdf/stored';
import { documentTranslator } from '@/lib/pdf/texts';
import type { PdfDocumentSpec } from '@/lib/pdf/types';
import { coverageWithin, readCoverage, type CoverageEntry } from './coverage';
import { findCertificate } from './queries';

type CertificateFacts = { kind: 'MEMBERSHIP' | 'INSURANCE_PERIODS'; periodFrom: Date; periodTo: Date | null; issuedAt: Date; verificationCode: string };
type Holder = { firstName: string; lastName: string; birthDate: Date; kvnr: string; street: string; houseNumber: string; postalCode: string; city: string };

const day = (iso: string) => germanDate(parseCalendarDate(iso) as Date);

/** The certificate as a document description: its facts and the coverage it certifies, gaps shown. */
export function certificateSpec(certificate: CertificateFacts, member: Holder, coverage: CoverageEntry[]): PdfDocumentSpec {
  const t = documentTranslator('certificates.pdf');
  const kinds = documentTranslator('common.membershipType');
  const name = `${member.firstName} ${member.lastName}`;
  const { periodFrom: from, periodTo: to } = certificate;
  const rows = coverage.map((entry) =>
    entry.gap ? [day(entry.from), day(entry.to), t('table.gap'), '–'] : [day(entry.from), entry.to ? day(entry.to) : t('table.open'), kinds(entry.kind), entry.payerName],
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

/** Renders a certificate at issue; the caller stores the bytes with the record. */
export function renderCertificate(certificate: CertificateFacts, member: Holder, coverage: CoverageEntry[]): Promise<Uint8Array> {
  return renderPdf(certificateSpec(certificate, member, coverage));
}

function filename(certificate: { kind: string; issuedAt: Date }) {
  const kind = certificate.kind === 'MEMBERSHIP' ? 'Mitgliedsbescheinigung' : 'Versicherungsbescheinigung';
  return `HEK-${kind}-${certificate.issuedAt.toISOString().slice(0, 10)}.pdf`;
}

/**
 * The PDF of one of the member's certificates exactly as issued, with its SHA-256; null when the id is
 * not theirs. A certificate issued before documents were kept gets its document now, once.
 */
export async function certificatePdf(memberId: string, certificateId: string) {
  const certificate = await findCertificate(memberId, certificateId);
  if (!certificate) return null;
  const stored = certificate.documentId ? await loadStoredPdf(certificate.documentId) : null;
  const document = stored ?? (await issueMissingDocument(memberId, certificate));
  return { ...document, filename: filename(certificate) };
}

async function issueMissingDocument(memberId: string, certificate: NonNullable<Awaited<ReturnType<typeof findCertificate>>>) {
  const [member, periods] = await Promise.all([
    prisma.member.findUniqueOrThrow({ where: { id: memberId } }),
    prisma.insurancePeriod.findMany({ where: { memberId }, orderBy: { startsOn: 'asc' } }),
  ]);
  const coverage = readCoverage(certificate.coverage) ?? coverageWithin(periods, certificate.periodFrom, certificate.periodTo);
  const rendered = await renderCertificate(certificate, member, coverage);
  return storeOnce(
    memberId,
    rendered,
    async (documentId) => (await prisma.certificate.updateMany({ where: { id: certificate.id, documentId: null }, data: { documentId, coverage } })).count,
    async () => (await prisma.certificate.findUniqueOrThrow({ where: { id: certificate.id }, select: { documentId: true } })).documentId,
  );
}
