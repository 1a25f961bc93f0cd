import 'server-only';
import { ZipFile } from 'yazl';
import { prisma } from '@/lib/db';
import { accessLog } from '@/lib/audit/access-log';
import { germanDate } from '@/lib/insurance/calendar';
import { letterFrame } from '@/lib/pdf/letterhead';
import { renderPdf } from '@/lib/pdf/pool';
import { documentTranslator } from '@/lib/pdf/texts';

/** Everything the portal holds about the member (DSGVO Art. 15), as plain data for the JSON file. */
export async function collectMemberData(memberId: string) {
  const member = await prisma.member.findUniqueOrThrow({
    where: { id: memberId },
    select: {
      kvnr: true, firstName: true, lastName: true, birthDate: true, street: true, houseNumber: true, postalCode: true, city: true, country: true,
      phone: true, email: true, membershipType: true, level: true, smarthealthUnlocked: true, appCommunication: true, createdAt: true,
      familyHead: { select: { firstName: true, lastName: true } },
      familyMembers: { select: { firstName: true, lastName: true, birthDate: true } },
    },
  });
  const [consents, bankAccounts, letters, conversations, certificates, healthCards, notifications, supportMessages, nameChanges, insurancePeriods, wageReports, passkeys, devices, babyCare, access] = await Promise.all([
    prisma.communicationConsent.findMany({ where: { memberId }, orderBy: { changedAt: 'asc' }, select: { enabled: true, source: true, changedAt: true } }),
    prisma.bankAccount.findMany({ where: { memberId }, orderBy: { validFrom: 'asc' }, select: { iban: true, bic: true, bankName: true, accountHolder: true, validFrom: true, createdAt: true } }),
    prisma.letter.findMany({ where: { memberId }, orderBy: { deliveredAt: 'asc' }, select: { id: true, folder: true, kind: true, category: true, subject: true, body: true, deliveredAt: true, readAt: true, fileId: true } }),
    prisma.conversation.findMany({
      where: { memberId },
      orderBy: { createdAt: 'asc' },
      select: { topic: true, subject: true, status: true, createdAt: true, messages: { orderBy: { createdAt: 'asc' }, select: { authorType: true, staffName: true, body: true, createdAt: true } } },
    }),
    prisma.certificate.findMany({ where: { memberId }, orderBy: { issuedAt: 'asc' }, select: { kind: true, periodFrom: true, periodTo: true, issuedAt: true, verificationCode: true } }),
    prisma.healthCardReplacement.findMany({ where: { memberId }, orderBy: { requestedAt: 'asc' }, select: { requestedAt: true, validFrom: true, validUntil: true, verificationCode: true } }),
    prisma.notification.findMany({ where: { memberId }, orderBy: { createdAt: 'asc' }, select: { kind: true, details: true, createdAt: true, notMeAt: true } }),
    prisma.supportMessage.findMany({ where: { memberId }, orderBy: { createdAt: 'asc' }, select: { subject: true, text: true, kvnr: true, technicalData: true, status: true, createdAt: true, answers: { select: { authorStaffId: true, text: true, createdAt: true } } } }),
    prisma.nameChangeRequest.findMany({ where: { memberId }, select: { firstName: true, lastName: true, reason: true, documentName: true, status: true, createdAt: true, decidedAt: true } }),
    prisma.insurancePeriod.findMany({ where: { memberId }, orderBy: { startsOn: 'asc' }, select: { kind: true, startsOn: true, endsOn: true, payerName: true } }),
    prisma.wageReport.findMany({ where: { memberId }, orderBy: { periodFrom: 'asc' }, select: { year: true, employerName: true, periodFrom: true, periodTo: true, grossPayCents: true } }),
    prisma.passkey.findMany({ where: { memberId }, select: { name: true, createdAt: true, lastUsedAt: true } }),
    prisma.boundDevice.findMany({ where: { memberId }, select: { name: true, createdAt: true, revokedAt: true } }),
    prisma.babyCareEnrolment.findUnique({ where: { memberId }, select: { expectedBirthDate: true, enrolledAt: true, answers: true, completedAt: true } }),
    accessLog(memberId, { take: 1000, since: new Date(0) }),
  ]);
  return { exportedAt: new Date(), member, consents, bankAccounts, insurancePeriods, wageReports, letters, conversations, certificates, healthCards, notifications, supportMessages, nameChanges, passkeys, devices, babyCare, accessLog: access };
}

/** A file name for a letter inside the archive: date, a safe form of the subject, a short id. */
function letterFileName(letter: { id: string; subject: string; deliveredAt: Date }): string {
  const subject = letter.subject.normalize('NFKD').replace(/[^\w -]/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'Schreiben';
  return `briefe/${letter.deliveredAt.toISOString().slice(0, 10)}_${subject}_${letter.id.slice(0, 8)}.pdf`;
}

function zipToBuffer(zip: ZipFile): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
    zip.end();
  });
}

/**
 * The archive: `meine-daten.json` (machine-readable, everything), `zusammenfassung.pdf` (readable summary,
 * embedded fonts, through the PDF worker pool) and every letter's PDF under `briefe/`.
 */
export async function buildArchive(memberId: string): Promise<Buffer> {
  const data = await collectMemberData(memberId);
  const t = documentTranslator('dataExport.pdf');
  const m = data.member;
  const summary = await renderPdf({
    title: t('title'),
    ...letterFrame(m),
    facts: [
      [t('kvnr'), m.kvnr],
      [t('created'), germanDate(data.exportedAt)],
    ],
    paragraphs: [
      t('intro'),
      t('person', { name: `${m.firstName} ${m.lastName}`, birthDate: germanDate(m.birthDate), email: m.email, phone: m.phone ?? '–' }),
      t('address', { address: `${m.street} ${m.houseNumber}, ${m.postalCode} ${m.city}, ${m.country}` }),
    ],
    table: {
      columns: [t('columns.area'), t('columns.count')],
      rows: [
        [t('areas.letters'), String(data.letters.length)],
        [t('areas.conversations'), String(data.conversations.length)],
        [t('areas.bankAccounts'), String(data.bankAccounts.length)],
        [t('areas.consents'), String(data.consents.length)],
        [t('areas.certificates'), String(data.certificates.length + data.healthCards.length)],
        [t('areas.insurancePeriods'), String(data.insurancePeriods.length)],
        [t('areas.notifications'), String(data.notifications.length)],
        [t('areas.supportMessages'), String(data.supportMessages.length)],
        [t('areas.accessLog'), String(data.accessLog.length)],
      ],
    },
    closing: [t('closing')],
  });

  const zip = new ZipFile();
  const letters = data.letters.map((l) => ({ ...l, file: l.fileId ? letterFileName(l) : null }));
  zip.addBuffer(Buffer.from(JSON.stringify({ ...data, letters }, null, 2), 'utf8'), 'meine-daten.json');
  zip.addBuffer(Buffer.from(summary), 'zusammenfassung.pdf');
  for (const letter of letters) {
    if (!letter.fileId || !letter.file) continue;
    const file = await prisma.storedFile.findFirst({ where: { id: letter.fileId, memberId }, select: { data: true } });
    if (file) zip.addBuffer(Buffer.from(file.data), letter.file);
  }
  return zipToBuffer(zip);
}
