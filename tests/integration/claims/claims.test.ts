import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { discardDraft, saveDraftStep, submitApplication, uploadCaseDocuments } from '@/lib/claims/commands';
import { getCase, getDraft, listCases } from '@/lib/claims/queries';
import { getUploadReceipt } from '@/lib/claims/receipts';
import { applyCaseUpdate } from '@/lib/claims/updates';
import { addDays, berlinDate, isoDate } from '@/lib/insurance/calendar';
import { setAppCommunication } from '@/lib/mailbox/app-communication';
import { sendToInsurer } from '@/lib/mailbox/commands';
import { createMember, randomKvnr } from '../../helpers/members';
import { exeBytes, pdfBytes } from '../mailbox/files';

const meta = { ip: '203.0.113.9', userAgent: 'vitest' };
const day = (offset: number) => isoDate(addDays(berlinDate(new Date()), offset));

async function parentWithChild() {
  const { member } = await createMember({ level: 'SMART' });
  await setAppCommunication(member.id, true, 'settings', meta);
  const child = await prisma.member.create({
    data: { kvnr: randomKvnr(), firstName: 'Emma', lastName: member.lastName, birthDate: new Date('2019-04-01T00:00:00Z'), street: 'Weg', houseNumber: '1', postalCode: '01067', city: 'Dresden', email: member.email, membershipType: 'FAMILY', familyHeadId: member.id },
  });
  return { member, child };
}

async function draftKinderkrankengeld(memberId: string, childId: string) {
  expect(await saveDraftStep(memberId, 'kinderkrankengeld', 1, { childId })).toMatchObject({ ok: true, step: 2 });
  expect(await saveDraftStep(memberId, 'kinderkrankengeld', 2, { from: day(-3), to: day(-1), hospital: false, hospitalFrom: '', hospitalTo: '', singleParent: false })).toMatchObject({ ok: true, step: 3 });
}

async function counts(memberId: string) {
  const [cases, letters, files, drafts, receipts] = await Promise.all([
    prisma.claimCase.count({ where: { memberId } }),
    prisma.letter.count({ where: { memberId } }),
    prisma.storedFile.count({ where: { memberId } }),
    prisma.claimDraft.count({ where: { memberId } }),
    prisma.uploadReceipt.count({ where: { memberId } }),
  ]);
  return { cases, letters, files, drafts, receipts };
}

describe('application drafts', () => {
  it('saves each step on the server, so a new session finds it, and can be discarded', async () => {
    const { member, child } = await parentWithChild();
    await draftKinderkrankengeld(member.id, child.id);
    const draft = await getDraft(member.id, 'kinderkrankengeld');
    expect(draft).toMatchObject({ step: 3, data: { childId: child.id, from: day(-3), to: day(-1) } });
    expect(await discardDraft(member.id, draft!.id)).toBe(true);
    expect(await getDraft(member.id, 'kinderkrankengeld')).toBeNull();
  });

  it('refuses a backwards range or a far-future day and saves nothing', async () => {
    const { member, child } = await parentWithChild();
    await saveDraftStep(member.id, 'kinderkrankengeld', 1, { childId: child.id });
    const backwards = await saveDraftStep(member.id, 'kinderkrankengeld', 2, { from: day(-1), to: day(-3), hospital: false, hospitalFrom: '', hospitalTo: '', singleParent: false });
    expect(backwards).toEqual({ ok: false, errors: { to: ['validation.rangeBackwards'] } });
    const future = await saveDraftStep(member.id, 'kinderkrankengeld', 2, { from: day(1), to: day(200), hospital: false, hospitalFrom: '', hospitalTo: '', singleParent: false });
    expect(future.ok).toBe(false);
    const birth = await saveDraftStep(member.id, 'mutterschaftsgeld', 1, { expectedBirthDate: '2099-01-01' });
    expect(birth).toEqual({ ok: false, errors: { expectedBirthDate: ['validation.birthOutOfRange'] } });
    expect((await getDraft(member.id, 'kinderkrankengeld'))!.data).toEqual({ childId: child.id });
    expect(await getDraft(member.id, 'mutterschaftsgeld')).toBeNull();
  });

  it('does not accept another family’s child', async () => {
    const { member } = await parentWithChild();
    const other = await parentWithChild();
    expect(await saveDraftStep(member.id, 'kinderkrankengeld', 1, { childId: other.child.id })).toEqual({ ok: false, errors: { childId: ['validation.childRequired'] } });
  });
});

describe('submitting an application', () => {
  it('creates the case at once, keeps the file, and puts the receipt with the SHA-256 into the Postfach', async () => {
    const { member, child } = await parentWithChild();
    await draftKinderkrankengeld(member.id, child.id);
    const bytes = pdfBytes();
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const key = crypto.randomUUID();
    const result = await submitApplication(member.id, 'kinderkrankengeld', key, [{ name: 'Bescheinigung.pdf', bytes }], meta);
    expect(result.ok).toBe(true);
    const caseId = (result as { caseId: string }).caseId;
    const cases = await listCases(member.id);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ id: caseId, type: 'CHILD_SICKNESS_BENEFIT', status: 'RECEIVED', childName: `Emma ${member.lastName}` });
    expect(await getDraft(member.id, 'kinderkrankengeld')).toBeNull();

    const receipt = await prisma.uploadReceipt.findFirstOrThrow({ where: { memberId: member.id, caseId } });
    expect(receipt.files).toEqual([{ name: 'Bescheinigung.pdf', size: bytes.byteLength, sha256 }]);
    const letter = await prisma.letter.findFirstOrThrow({ where: { id: receipt.letterId, memberId: member.id }, include: { file: true } });
    expect(letter).toMatchObject({ folder: 'INBOX', subject: `Eingangsbestätigung ${receipt.reference}` });
    // The receipt is a real PDF that names the file's hash (the text stream is Flate-compressed).
    expect(Buffer.from(letter.file!.data).subarray(0, 5).toString()).toBe('%PDF-');

    // A second submit of the same form finds the first case.
    expect(await submitApplication(member.id, 'kinderkrankengeld', key, [{ name: 'Bescheinigung.pdf', bytes }], meta)).toEqual({ ok: true, caseId });
    expect((await counts(member.id)).cases).toBe(1);
  });

  it('refuses a file of the wrong type and leaves nothing half-saved', async () => {
    const { member, child } = await parentWithChild();
    await draftKinderkrankengeld(member.id, child.id);
    const before = await counts(member.id);
    const result = await submitApplication(member.id, 'kinderkrankengeld', crypto.randomUUID(), [{ name: 'programm.pdf', bytes: exeBytes() }], meta);
    expect(result).toMatchObject({ ok: false, error: 'files', refused: [{ fileName: 'programm.pdf', reason: 'type_not_allowed' }] });
    expect(await counts(member.id)).toEqual(before);
    expect(await submitApplication(member.id, 'kinderkrankengeld', crypto.randomUUID(), [], meta)).toMatchObject({ ok: false, needFile: true });
    expect(await counts(member.id)).toEqual(before);
  });
});

describe('documents for a case and receipts for the Postfach', () => {
  it('uploads missing documents into the case, which goes back to review', async () => {
    const { member, child } = await parentWithChild();
    await draftKinderkrankengeld(member.id, child.id);
    const submitted = (await submitApplication(member.id, 'kinderkrankengeld', crypto.randomUUID(), [{ name: 'a.pdf', bytes: pdfBytes() }], meta)) as { caseId: string };
    const found = await prisma.claimCase.findUniqueOrThrow({ where: { id: submitted.caseId } });
    await applyCaseUpdate({ kind: 'documents-requested', reference: found.reference, documents: ['Seite 2 der Bescheinigung'] });
    expect(await getCase(member.id, found.id)).toMatchObject({ status: 'DOCUMENTS_MISSING', missingDocuments: ['Seite 2 der Bescheinigung'] });

    const uploaded = await uploadCaseDocuments(member.id, found.id, crypto.randomUUID(), [{ name: 'seite2.pdf', bytes: pdfBytes() }], meta);
    expect(uploaded.ok).toBe(true);
    const after = await getCase(member.id, found.id);
    expect(after).toMatchObject({ status: 'IN_REVIEW', missingDocuments: [] });
    expect(after!.sentDocuments.flatMap((l) => l.attachments.map((a) => a.fileName)).sort()).toEqual(['a.pdf', 'seite2.pdf']);
    expect(await prisma.uploadReceipt.count({ where: { memberId: member.id, caseId: found.id, source: 'CASE_DOCUMENT' } })).toBe(1);
  });

  it('sends a receipt for Dokumente einreichen, none for a reply without files', async () => {
    const { member } = await parentWithChild();
    const sent = await sendToInsurer(member.id, { kind: 'SUBMISSION', category: 'GENERAL', subject: 'Nachweis', text: '', idempotencyKey: crypto.randomUUID() }, [{ name: 'nachweis.pdf', bytes: pdfBytes() }], meta);
    expect(sent.ok).toBe(true);
    const receipt = await prisma.uploadReceipt.findFirstOrThrow({ where: { memberId: member.id } });
    expect(receipt).toMatchObject({ source: 'SUBMISSION', sentLetterId: (sent as { letterId: string }).letterId });
  });
});

describe('another member’s ids are not found', () => {
  it('case, draft, upload and receipt', async () => {
    const { member, child } = await parentWithChild();
    const stranger = await parentWithChild();
    await draftKinderkrankengeld(member.id, child.id);
    const draft = await getDraft(member.id, 'kinderkrankengeld');
    const { caseId } = (await submitApplication(member.id, 'kinderkrankengeld', crypto.randomUUID(), [{ name: 'a.pdf', bytes: pdfBytes() }], meta)) as { caseId: string };
    const receipt = await prisma.uploadReceipt.findFirstOrThrow({ where: { memberId: member.id } });

    expect(await getCase(stranger.member.id, caseId)).toBeNull();
    expect(await getCase(stranger.member.id, 'not-a-uuid')).toBeNull();
    expect(await uploadCaseDocuments(stranger.member.id, caseId, crypto.randomUUID(), [{ name: 'b.pdf', bytes: pdfBytes() }], meta)).toEqual({ ok: false, error: 'not_found' });
    expect(await getUploadReceipt(stranger.member.id, receipt.id)).toBeNull();
    expect(await getUploadReceipt(member.id, receipt.id)).not.toBeNull();
    await draftKinderkrankengeld(member.id, child.id);
    const second = await getDraft(member.id, 'kinderkrankengeld');
    expect(draft!.id).not.toBe(second!.id);
    expect(await discardDraft(stranger.member.id, second!.id)).toBe(false);
    expect(await getDraft(member.id, 'kinderkrankengeld')).not.toBeNull();
  });
});

describe('case updates from the insurer', () => {
  it('records sick notes and payments, caps the daily amount, and tells the member', async () => {
    const { member } = await parentWithChild();
    const created = await prisma.claimCase.create({ data: { memberId: member.id, type: 'SICKNESS_BENEFIT', reference: `KG-T-${crypto.randomInt(1e6)}`, receivedAt: new Date(), federalState: 'BE' } });
    await applyCaseUpdate({ kind: 'sick-note', reference: created.reference, start: '2026-01-05', end: '2026-01-16', channel: 'EAU' });
    await applyCaseUpdate({ kind: 'sick-note', reference: created.reference, start: '2026-01-20', end: '2026-01-30', channel: 'POST', receivedAt: '2026-01-29T10:00:00+01:00' });
    await applyCaseUpdate({ kind: 'payment', reference: created.reference, periodStart: '2026-01-05', periodEnd: '2026-01-16', dailyAmountCents: 20_000, paidOn: '2026-01-20', ibanMasked: 'DE89 **** 3000' });
    const c = await getCase(member.id, created.id, new Date('2026-01-21T12:00:00Z'));
    expect(c!.status).toBe('PAYMENT_INITIATED');
    expect(c!.payments[0]).toMatchObject({ days: 12, dailyAmountCents: 13_563, totalCents: 12 * 13_563 });
    // Friday 16th → next Werktag Monday 19th; the note from Tuesday 20th leaves the 17th to 19th uncovered.
    expect(c!.tracking!.gaps.map((g) => [isoDate(g.uncovered.start), isoDate(g.uncovered.end)])).toEqual([['2026-01-17', '2026-01-19']]);
    expect(c!.tracking!.notes.map((n) => n.late)).toEqual([false, true]);
    expect(await prisma.outboxEmail.count({ where: { memberId: member.id, kind: 'claim_updated' } })).toBe(3);
  });
});
