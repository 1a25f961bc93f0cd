import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateVerificationCode } from '@/lib/certificates/code';
import { issueCertificate } from '@/lib/certificates/commands';
import { certificatePdf } from '@/lib/certificates/document';
import { prisma } from '@/lib/db';
import { requestReplacement } from '@/lib/health-card/commands';
import { replacementPdf } from '@/lib/health-card/document';
import { deliverLetter } from '@/lib/mailbox/deliver';
import { templateDelivery } from '@/lib/mailbox/templates';
import { closePdfPool, renderBaselinePdf } from '@/lib/pdf/pool';
import { sha256Hex } from '@/lib/pdf/stored';
import { evaluate } from '@/lib/programs/babycare-rules';
import { renderBabyCarePdf } from '@/lib/programs/babycare-document';
import { answersSchema } from '@/lib/programs/babycare-schema';
import { createMember } from '../../helpers/members';

// Every generated PDF, read the way a person's PDF reader would: fonts embedded, a real bold face, and
// names from all over Europe printed as written.

const meta = { ip: '198.51.100.30', userAgent: 'vitest' };
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const NAMES = ['Łukasz Wołoszyn', 'Dvořák', 'Yılmaz', 'Ελένη'];

// The first render starts a worker and parses the fonts: done here, within the hook's longer timeout.
beforeAll(() => renderBaselinePdf('warm-up'));
afterAll(closePdfPool);

function poppler(tool: 'pdftotext' | 'pdffonts', pdf: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hek-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  try {
    const args = tool === 'pdftotext' ? ['-enc', 'UTF-8', file, '-'] : [file];
    return execFileSync(tool, args, { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The font table: every font embedded, DejaVu Sans in regular and bold. */
function expectEmbeddedFontsWithBold(pdf: Uint8Array) {
  const table = poppler('pdffonts', pdf);
  const rows = table.split('\n').slice(2).filter(Boolean);
  expect(rows.length).toBeGreaterThanOrEqual(2);
  // Columns: name type encoding emb sub uni object ID; "emb" is the fourth from the right.
  for (const row of rows) expect(row.trim().split(/\s+/).at(-5), row).toBe('yes');
  expect(rows.some((row) => /\+DejaVuSans\s/.test(row))).toBe(true);
  expect(rows.some((row) => /\+DejaVuSans-Bold\s/.test(row))).toBe(true);
}

/** A member called Łukasz Wołoszyn, living in Dvořák-Straße, c/o Yılmaz, Ελένη: every name in one. */
async function europeanMember() {
  const { member } = await createMember();
  return prisma.member.update({
    where: { id: member.id },
    data: { firstName: 'Łukasz', lastName: 'Wołoszyn', street: 'Dvořákstraße', houseNumber: '7', postalCode: '20095', city: 'Hamburg (bei Yılmaz, Ελένη)' },
  });
}

describe('a Versicherungsbescheinigung', () => {
  it('is rendered once at issue, with embedded regular and bold fonts and the names exact', async () => {
    const member = await europeanMember();
    await prisma.insurancePeriod.create({ data: { memberId: member.id, kind: 'COMPULSORY', startsOn: day('2018-01-01'), endsOn: null, payerName: 'Ελένη Dvořák Yılmaz GmbH' } });
    const result = await issueCertificate(member.id, { kind: 'INSURANCE_PERIODS', periodFrom: '2017-01-01', periodTo: '2024-12-31' }, meta);
    if (!result.ok) throw new Error(result.error);
    const certificate = await prisma.certificate.findUniqueOrThrow({ where: { id: result.certificateId }, include: { document: true } });
    expect(certificate.document?.sha256).toBe(sha256Hex(certificate.document!.data));

    const first = await certificatePdf(member.id, certificate.id);
    expect(first?.sha256).toBe(certificate.document?.sha256);
    expect(sha256Hex(first!.pdf)).toBe(certificate.document?.sha256);
    const text = poppler('pdftotext', first!.pdf);
    for (const name of NAMES) expect(text).toContain(name);
    expect(text).toContain('Łukasz Wołoszyn');
    expectEmbeddedFontsWithBold(first!.pdf);

    // The member moves and is renamed, the periods change: the issued document stays what it was.
    await prisma.member.update({ where: { id: member.id }, data: { lastName: 'Neu', street: 'Andere Straße' } });
    await prisma.insurancePeriod.deleteMany({ where: { memberId: member.id } });
    const again = await certificatePdf(member.id, certificate.id);
    expect(sha256Hex(again!.pdf)).toBe(certificate.document?.sha256);
    expect(Buffer.from(again!.pdf).equals(Buffer.from(first!.pdf))).toBe(true);
  });

  it('issued before documents were kept gets its document on the first download, and keeps it', async () => {
    const member = await europeanMember();
    await prisma.insurancePeriod.create({ data: { memberId: member.id, kind: 'COMPULSORY', startsOn: day('2018-01-01'), endsOn: null, payerName: 'HEK-Test GmbH' } });
    const legacy = await prisma.certificate.create({
      data: { memberId: member.id, kind: 'MEMBERSHIP', periodFrom: day('2018-01-01'), periodTo: null, issuedAt: new Date(), verificationCode: generateVerificationCode() },
    });
    const [a, b] = await Promise.all([certificatePdf(member.id, legacy.id), certificatePdf(member.id, legacy.id)]);
    expect(a?.sha256).toBe(b?.sha256);
    const stored = await prisma.certificate.findUniqueOrThrow({ where: { id: legacy.id }, include: { document: true } });
    expect(stored.document?.sha256).toBe(a?.sha256);
    expect(await prisma.storedFile.count({ where: { memberId: member.id } })).toBe(1);
    expect(stored.coverage).toEqual([{ from: '2018-01-01', to: null, gap: false, kind: 'COMPULSORY', payerName: 'HEK-Test GmbH' }]);
  });
});

describe('a digital health card (Ersatzbescheinigung)', () => {
  it('is rendered and stored when issued; every download returns those bytes', async () => {
    const member = await europeanMember();
    const result = await requestReplacement(member.id, { requestKey: `k${crypto.randomUUID()}` }, meta, { delaySeconds: 0 });
    if (result.status !== 'created') throw new Error(result.status);
    const card = await prisma.healthCardReplacement.findUniqueOrThrow({ where: { id: result.cardId }, include: { document: true } });
    expect(card.document).not.toBeNull();
    await prisma.member.update({ where: { id: member.id }, data: { firstName: 'Anders' } });
    const download = await replacementPdf(member.id, card.id);
    expect(download?.sha256).toBe(card.document?.sha256);
    expect(sha256Hex(download!.pdf)).toBe(card.document?.sha256);
    const text = poppler('pdftotext', download!.pdf);
    for (const name of NAMES) expect(text).toContain(name);
    expect(text).not.toContain('Anders');
    expectEmbeddedFontsWithBold(download!.pdf);
  });
});

describe('a letter of the insurer', () => {
  it('is laid out by the PDF worker with the embedded fonts, bold subject, and the names exact', async () => {
    const member = await europeanMember();
    const { letterId } = await deliverLetter({ memberId: member.id, ...templateDelivery('leistungsbescheid') });
    const letter = await prisma.letter.findUniqueOrThrow({ where: { id: letterId }, include: { file: true } });
    const pdf = new Uint8Array(letter.file!.data);
    expect(letter.file?.sha256).toBe(sha256Hex(pdf));
    const text = poppler('pdftotext', pdf);
    expect(text).toContain('Guten Tag Łukasz Wołoszyn,');
    for (const name of NAMES) expect(text).toContain(name);
    expect(text).toContain('Bescheid über Ihren Antrag auf Kostenübernahme');
    expect(text).toContain('Seite 1 von 1');
    expectEmbeddedFontsWithBold(pdf);
    // Not the standard fonts of the former hand-written writer, which a reader substitutes.
    expect(poppler('pdffonts', pdf)).not.toMatch(/Helvetica/);
  });
});

describe('a BabyCare evaluation', () => {
  it('carries the week, the recommendations with their sources and the check-ups, in embedded fonts', async () => {
    const member = await europeanMember();
    const answers = answersSchema.parse({ heightCm: 160, weightKg: 80, firstPregnancy: 'yes', multiple: 'no', smoking: 'stopped', alcohol: 'none', diet: 'mixed', exerciseMinutes: 60, conditions: [], history: [], symptoms: ['bleeding'] });
    const evaluation = evaluate(answers, day('2027-06-01'), member.birthDate, day('2026-12-01'));
    // Lines wrap where the layout wants: read the text as one line.
    const text = poppler('pdftotext', await renderBabyCarePdf(member.id, evaluation, day('2027-06-01'), day('2026-12-01'))).replace(/\s+/g, ' ');
    expect(text).toContain('BabyCare – Ihre Auswertung');
    expect(text).toContain('Łukasz Wołoszyn');
    expect(text).toContain('14+0');
    expect(text).toContain('Lassen Sie Ihre Beschwerden heute ärztlich abklären');
    // 80 kg at 160 cm: BMI 31,3, a gain of 5 to 9 kg.
    expect(text).toContain('BMI vor der Schwangerschaft von 31,3 ist eine Zunahme von insgesamt 5 bis 9 kg');
    expect(text).toContain('Mutterschafts-Richtlinien');
    expect(text).toContain('05.01.2027 – 01.02.2027');
    expectEmbeddedFontsWithBold(await renderBabyCarePdf(member.id, evaluation, day('2027-06-01'), day('2026-12-01')));
  });
});
