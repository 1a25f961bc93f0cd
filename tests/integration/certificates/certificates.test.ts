import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatVerificationCode, normaliseVerificationCode } from '@/lib/certificates/code';
import { issueCertificate } from '@/lib/certificates/commands';
import { certificatePdf } from '@/lib/certificates/document';
import { findCertificate, listCertificates } from '@/lib/certificates/queries';
import { verifyCode } from '@/lib/certificates/verify';
import { prisma } from '@/lib/db';
import { requestReplacement } from '@/lib/health-card/commands';
import { replacementPdf } from '@/lib/health-card/document';
import { closePdfPool, renderBaselinePdf } from '@/lib/pdf/pool';
import { createMember } from '../../helpers/members';

const meta = { ip: '198.51.100.20', userAgent: 'vitest' };
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

// The first render starts a worker and parses the fonts: done here, within the hook's longer timeout.
beforeAll(() => renderBaselinePdf('warm-up'));
afterAll(closePdfPool);

/** A member with umlauts in name and address and three periods with a gap. */
async function insuredMember() {
  const { member } = await createMember();
  const updated = await prisma.member.update({
    where: { id: member.id },
    data: { firstName: 'Jürgen', lastName: `Müller-Großkopf ${member.kvnr.slice(-3)}`, street: 'Schloßstraße', city: 'Düsseldorf' },
  });
  await prisma.insurancePeriod.createMany({
    data: [
      { memberId: member.id, kind: 'STUDENT', startsOn: day('2012-10-01'), endsOn: day('2016-09-30'), payerName: 'Selbstzahler (Studium)' },
      { memberId: member.id, kind: 'COMPULSORY', startsOn: day('2017-01-01'), endsOn: day('2020-06-30'), payerName: 'Bäckerei Köhler GmbH' },
      { memberId: member.id, kind: 'COMPULSORY', startsOn: day('2020-07-01'), endsOn: null, payerName: 'Öko-Süßwaren AG' },
    ],
  });
  return updated;
}

function pdfText(pdf: Uint8Array): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hek-pdf-')), 'doc.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

describe('issuing a Versicherungsbescheinigung', () => {
  it('confirms the membership since the start of the unbroken chain of periods', async () => {
    const member = await insuredMember();
    const result = await issueCertificate(member.id, { kind: 'MEMBERSHIP' }, meta, new Date('2026-03-02T09:00:00Z'));
    if (!result.ok) throw new Error(result.error);
    const certificate = await findCertificate(member.id, result.certificateId);
    expect(certificate?.periodFrom.toISOString().slice(0, 10)).toBe('2017-01-01');
    expect(certificate?.periodTo).toBeNull();
    expect(normaliseVerificationCode(formatVerificationCode(certificate!.verificationCode))).toBe(certificate!.verificationCode);
    expect(await prisma.auditEvent.count({ where: { subjectMemberId: member.id, action: 'certificate.issued' } })).toBe(1);
  });

  it('refuses periods in the future, without insurance, or in the wrong order', async () => {
    const member = await insuredMember();
    const now = new Date('2026-03-02T09:00:00Z');
    expect(await issueCertificate(member.id, { kind: 'INSURANCE_PERIODS', periodFrom: '2026-01-01', periodTo: '2026-12-31' }, meta, now)).toEqual({ ok: false, error: 'future' });
    expect(await issueCertificate(member.id, { kind: 'INSURANCE_PERIODS', periodFrom: '2001-01-01', periodTo: '2005-12-31' }, meta, now)).toEqual({ ok: false, error: 'no_periods' });
    expect((await issueCertificate(member.id, { kind: 'INSURANCE_PERIODS', periodFrom: '2020-01-01', periodTo: '2019-01-01' }, meta, now)).ok).toBe(false);
    const { member: uninsured } = await createMember();
    expect(await issueCertificate(uninsured.id, { kind: 'MEMBERSHIP' }, meta, now)).toEqual({ ok: false, error: 'not_insured' });
    expect(await listCertificates(member.id)).toEqual([]);
  });

  it('renders a searchable A4 PDF with name, KVNR, periods and umlauts intact', async () => {
    const member = await insuredMember();
    const result = await issueCertificate(member.id, { kind: 'INSURANCE_PERIODS', periodFrom: '2015-01-01', periodTo: '2025-12-31' }, meta, new Date('2026-03-02T09:00:00Z'));
    if (!result.ok) throw new Error(result.error);
    const rendered = await certificatePdf(member.id, result.certificateId);
    expect(rendered?.filename).toMatch(/^HEK-Versicherungsbescheinigung-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = pdfText(rendered!.pdf);
    const certificate = await prisma.certificate.findUniqueOrThrow({ where: { id: result.certificateId } });
    expect(text).toContain(`Jürgen ${member.lastName}`);
    expect(text).toContain('Schloßstraße');
    expect(text).toContain(member.kvnr);
    expect(text).toContain('Versicherungsbescheinigung');
    // The periods within the chosen span, clipped to it, and the gap between them.
    expect(text).toMatch(/01\.01\.2015\s+30\.09\.2016\s+Studentin \/ Student/);
    expect(text).not.toMatch(/keine Versicherung bei[\s\S]*01\.01\.2015/);
    expect(text).toMatch(/01\.10\.2016\s+31\.12\.2016\s+keine Versicherung bei/);
    expect(text).toMatch(/01\.01\.2017\s+30\.06\.2020\s+Pflichtversichert\s+Bäckerei Köhler GmbH/);
    expect(text).toMatch(/01\.07\.2020\s+31\.12\.2025\s+Pflichtversichert\s+Öko-Süßwaren AG/);
    expect(text).toContain(formatVerificationCode(certificate.verificationCode));
    expect(text).toContain(`/verifizieren?code=${formatVerificationCode(certificate.verificationCode)}`);
    const file = path.join(os.tmpdir(), `hek-info-${result.certificateId}.pdf`);
    fs.writeFileSync(file, rendered!.pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    fs.rmSync(file);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    // Every font is embedded (the "emb" column), none is a standard font left to the reader.
    expect(fonts).toContain('DejaVuSans');
    expect(fonts.split('\n').slice(2).filter(Boolean).every((line) => /\byes\b/.test(line))).toBe(true);
  });

  it('renders the replacement health card with the holder and its validity', async () => {
    const member = await insuredMember();
    const result = await requestReplacement(member.id, { requestKey: `k${crypto.randomUUID()}` }, meta, { now: new Date('2026-01-25T09:00:00Z'), delaySeconds: 0 });
    if (result.status !== 'created') throw new Error(result.status);
    const rendered = await replacementPdf(member.id, result.cardId);
    const text = pdfText(rendered!.pdf);
    expect(text).toContain(`Jürgen ${member.lastName}`);
    expect(text).toContain(member.kvnr);
    expect(text).toContain('25.01.2026 bis einschließlich 07.02.2026');
    expect(text).toContain('14 Tage gültig');
  });
});

describe('public verification', () => {
  it('tells the name and the covered periods with their gaps as issued, for a code typed in any form', async () => {
    const member = await insuredMember();
    // Asked for 2010 to 2019: insured from October 2012, with a gap at the end of 2016.
    const result = await issueCertificate(member.id, { kind: 'INSURANCE_PERIODS', periodFrom: '2010-01-01', periodTo: '2019-12-31' }, meta);
    if (!result.ok) throw new Error(result.error);
    const { verificationCode } = await prisma.certificate.findUniqueOrThrow({ where: { id: result.certificateId } });
    // Later changes to the member's periods do not change what was certified.
    await prisma.insurancePeriod.deleteMany({ where: { memberId: member.id, kind: 'STUDENT' } });
    const typed = ` ${formatVerificationCode(verificationCode).toLowerCase()} `;
    const verification = await verifyCode(typed, '192.0.2.1');
    expect(verification).toEqual({
      status: 'genuine',
      document: 'INSURANCE_PERIODS',
      name: `Jürgen ${member.lastName}`,
      periodFrom: day('2010-01-01'),
      periodTo: day('2019-12-31'),
      issuedAt: expect.any(Date),
      coverage: [
        { from: day('2010-01-01'), to: day('2012-09-30'), gap: true },
        { from: day('2012-10-01'), to: day('2016-09-30'), gap: false },
        { from: day('2016-10-01'), to: day('2016-12-31'), gap: true },
        { from: day('2017-01-01'), to: day('2019-12-31'), gap: false },
      ],
    });
  });

  it('says clearly that a wrong code is unknown', async () => {
    expect(await verifyCode('ABCD-EFGH-JKMN', '192.0.2.2')).toEqual({ status: 'unknown' });
    expect(await verifyCode('kein Code', '192.0.2.2')).toEqual({ status: 'unknown' });
  });

  it('verifies a ready replacement card, but not one still in processing', async () => {
    const member = await insuredMember();
    const pending = await requestReplacement(member.id, { requestKey: `k${crypto.randomUUID()}` }, meta, { delaySeconds: 600 });
    if (pending.status !== 'created') throw new Error(pending.status);
    const card = await prisma.healthCardReplacement.findUniqueOrThrow({ where: { id: pending.cardId } });
    expect(await verifyCode(card.verificationCode, '192.0.2.3')).toEqual({ status: 'unknown' });
    const later = await verifyCode(card.verificationCode, '192.0.2.3', new Date(Date.now() + 601_000));
    expect(later).toMatchObject({ status: 'genuine', document: 'HEALTH_CARD', periodFrom: card.validFrom, periodTo: card.validUntil, validToday: true });
    // Still genuine after its 14 days, but no longer valid.
    const expired = await verifyCode(card.verificationCode, '192.0.2.3', new Date(card.validUntil.getTime() + 2 * 86_400_000));
    expect(expired).toMatchObject({ status: 'genuine', document: 'HEALTH_CARD', validToday: false });
  });

  it('stops an address after ten wrong codes, even for a genuine one, and not other addresses', async () => {
    const member = await insuredMember();
    const result = await issueCertificate(member.id, { kind: 'MEMBERSHIP' }, meta);
    if (!result.ok) throw new Error(result.error);
    const { verificationCode } = await prisma.certificate.findUniqueOrThrow({ where: { id: result.certificateId } });
    for (let i = 0; i < 10; i++) expect((await verifyCode(`WRONG${i}`, '192.0.2.50')).status).toBe('unknown');
    const limited = await verifyCode(verificationCode, '192.0.2.50');
    expect(limited.status).toBe('rate_limited');
    if (limited.status === 'rate_limited') expect(limited.retryAfterSeconds).toBeGreaterThan(0);
    expect((await verifyCode(verificationCode, '192.0.2.51')).status).toBe('genuine');
  });
});

describe("another member's certificate is not found", () => {
  it('in the list, the lookup and the PDF download', async () => {
    const owner = await insuredMember();
    const { member: other } = await createMember();
    const result = await issueCertificate(owner.id, { kind: 'MEMBERSHIP' }, meta);
    if (!result.ok) throw new Error(result.error);
    expect(await findCertificate(other.id, result.certificateId)).toBeNull();
    expect(await certificatePdf(other.id, result.certificateId)).toBeNull();
    expect(await listCertificates(other.id)).toEqual([]);
    expect(await certificatePdf(other.id, '../../etc/passwd')).toBeNull();
    expect(await findCertificate(owner.id, result.certificateId)).not.toBeNull();
  });
});
