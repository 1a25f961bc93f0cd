import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { barrierQueue, claimsQueue, nameChangeQueue, supportQueue } from '@/lib/admin/queues';
import { applyStaffCaseUpdate } from '@/lib/claims/updates';
import { prisma } from '@/lib/db';
import { requestNameChange } from '@/lib/profile/commands';
import { listSupportMessages } from '@/lib/support/queries';
import { sendSupportMessage } from '@/lib/support/commands';
import { prepareClaimsMember } from '@/lib/testing/claims';
import { createStaffWithSession } from '@/lib/testing/staff';
import { createMember } from '../../helpers/members';

const meta = { ip: '198.51.100.70', userAgent: 'vitest' };
const pdf = { name: 'Heiratsurkunde.pdf', bytes: new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')) };

async function agent() {
  const { staff, sessionId } = await createStaffWithSession();
  return { sessionId, staff: { id: staff.id, name: staff.name, email: staff.email, role: staff.role } };
}

const staffEntries = (memberId: string) => prisma.staffAuditEntry.findMany({ where: { subjectMemberId: memberId }, orderBy: { seq: 'asc' }, select: { action: true, staffName: true } });

describe('the support queue', () => {
  it('lists an open message with its technical data; the answer reaches the member; closed, it leaves the queue', async () => {
    const { member } = await createMember();
    const session = await agent();
    const sent = await sendSupportMessage(member.id, { subject: 'Postfach lädt nicht', text: 'Seit gestern bleibt die Seite leer.', attach: false, technicalData: null, requestKey: crypto.randomUUID() }, meta);
    if (!sent.ok) throw new Error('not sent');
    expect((await supportQueue.list()).map((m) => m.id)).toContain(sent.id);

    expect(await supportQueue.answer(session, sent.id, '   ', meta)).toBe('invalid');
    expect(await supportQueue.answer(session, sent.id, 'Bitte laden Sie die Seite neu.', meta)).toBe('ok');
    const [mine] = await listSupportMessages(member.id);
    expect(mine).toMatchObject({ id: sent.id, status: 'ANSWERED' });
    // A newer message still waiting comes before the answered one.
    const waiting = await sendSupportMessage(member.id, { subject: 'Noch eine Frage', text: 'Wo finde ich die Bescheinigung?', attach: false, technicalData: null, requestKey: crypto.randomUUID() }, meta);
    const order = (await supportQueue.list()).map((m) => m.id);
    expect(order.indexOf((waiting as { id: string }).id)).toBeLessThan(order.indexOf(sent.id));

    expect(await supportQueue.close(session, sent.id, meta)).toBe('ok');
    expect((await supportQueue.list()).map((m) => m.id)).not.toContain(sent.id);
    expect(await supportQueue.answer(session, sent.id, 'Noch etwas.', meta)).toBe('not_found');
    expect(await supportQueue.answer(session, 'kein-uuid', 'x', meta)).toBe('not_found');
    expect(await staffEntries(member.id)).toEqual([
      { action: 'staff.support.answered', staffName: session.staff.name },
      { action: 'staff.support.closed', staffName: session.staff.name },
    ]);
  });
});

describe('the name-change queue', () => {
  it('shows the document only while pending; approving writes the name, rejecting keeps it', async () => {
    const session = await agent();
    const { member } = await createMember();
    await requestNameChange(member.id, { firstName: member.firstName, lastName: 'Neumann', reason: 'marriage', requestKey: crypto.randomUUID() }, pdf, meta);
    const pending = (await nameChangeQueue.list()).find((r) => r.member.id === member.id)!;
    const document = await nameChangeQueue.document(session, pending.id, meta);
    expect(document?.documentName).toBe('Heiratsurkunde.pdf');
    expect(Buffer.from(document!.documentData).subarray(0, 5).toString()).toBe('%PDF-');

    expect(await nameChangeQueue.decide(session, pending.id, 'APPROVED', '', meta)).toBe('ok');
    expect((await prisma.member.findUniqueOrThrow({ where: { id: member.id } })).lastName).toBe('Neumann');
    expect(await nameChangeQueue.document(session, pending.id, meta)).toBeNull();
    expect(await nameChangeQueue.decide(session, pending.id, 'REJECTED', '', meta)).toBe('not_found');
    expect((await staffEntries(member.id)).map((e) => e.action)).toEqual(['staff.name_change.document_viewed', 'staff.name_change.approved']);

    const { member: other } = await createMember();
    await requestNameChange(other.id, { firstName: 'Anders', lastName: other.lastName, reason: 'other', requestKey: crypto.randomUUID() }, pdf, meta);
    const second = (await nameChangeQueue.list()).find((r) => r.member.id === other.id)!;
    expect(await nameChangeQueue.decide(session, second.id, 'REJECTED', 'Der Nachweis ist nicht lesbar.', meta)).toBe('ok');
    const after = await prisma.nameChangeRequest.findUniqueOrThrow({ where: { id: second.id } });
    expect(after).toMatchObject({ status: 'REJECTED', decisionNote: 'Der Nachweis ist nicht lesbar.' });
    expect((await prisma.member.findUniqueOrThrow({ where: { id: other.id } })).firstName).toBe(other.firstName);
  });
});

describe('a staff decision and its record', () => {
  it('commit together: of two staff members deciding the same name change at once, one decides and one finds it gone', async () => {
    const [first, second] = [await agent(), await agent()];
    const { member } = await createMember();
    await requestNameChange(member.id, { firstName: member.firstName, lastName: 'Wołoszyn', reason: 'marriage', requestKey: crypto.randomUUID() }, pdf, meta);
    const pending = (await nameChangeQueue.list()).find((r) => r.member.id === member.id)!;

    const results = await Promise.all([
      nameChangeQueue.decide(first, pending.id, 'APPROVED', '', meta),
      nameChangeQueue.decide(second, pending.id, 'REJECTED', 'Zu spät.', meta),
    ]);
    expect([...results].sort()).toEqual(['not_found', 'ok']);
    const winner = results[0] === 'ok' ? 'approved' : 'rejected';
    // One decision in the staff chain and one in the member's log, by the one whose decision stands.
    expect((await staffEntries(member.id)).map((e) => e.action)).toEqual([`staff.name_change.${winner}`]);
    const memberLog = await prisma.auditEvent.findMany({ where: { subjectMemberId: member.id, action: { in: ['profile.name.change_approved', 'profile.name.change_rejected'] } }, select: { action: true } });
    expect(memberLog).toEqual([{ action: `profile.name.change_${winner}` }]);
    const after = await prisma.nameChangeRequest.findUniqueOrThrow({ where: { id: pending.id } });
    expect(after.status).toBe(winner === 'approved' ? 'APPROVED' : 'REJECTED');
    expect((await prisma.member.findUniqueOrThrow({ where: { id: member.id } })).lastName).toBe(winner === 'approved' ? 'Wołoszyn' : member.lastName);
  });
});

describe('claims cases from the console', () => {
  it('sets a decision through the same update as the back office, asks for documents, and refuses nonsense', async () => {
    const session = await agent();
    const { member } = await createMember();
    const { childCaseId } = await prepareClaimsMember(member.id);
    expect((await claimsQueue.forMember(member.id)).map((c) => c.id)).toContain(childCaseId);

    expect(await claimsQueue.update(session, { action: 'documents', caseId: childCaseId, documents: '  \n ' }, meta)).toBe('invalid');
    expect(await claimsQueue.update(session, { action: 'documents', caseId: childCaseId, documents: 'Geburtsurkunde\nÄrztliche Bescheinigung' }, meta)).toBe('ok');
    expect((await prisma.claimCase.findUniqueOrThrow({ where: { id: childCaseId } })).status).toBe('DOCUMENTS_MISSING');

    expect(await claimsQueue.update(session, { action: 'status', caseId: childCaseId, status: 'APPROVED', medicalService: false, note: '' }, meta)).toBe('ok');
    expect((await prisma.claimCase.findUniqueOrThrow({ where: { id: childCaseId } })).status).toBe('APPROVED');
    const letters = await prisma.letter.findMany({ where: { memberId: member.id, subject: { startsWith: 'Bescheid über Ihren Antrag auf Kinderkrankengeld' } } });
    expect(letters).toHaveLength(1);

    expect(await claimsQueue.update(session, { action: 'status', caseId: crypto.randomUUID(), status: 'DECLINED', medicalService: false, note: '' }, meta)).toBe('not_found');
    expect(await claimsQueue.update(session, { action: 'status', caseId: childCaseId, status: 'PAYMENT_INITIATED', medicalService: false, note: '' }, meta)).toBe('invalid');
    expect((await staffEntries(member.id)).map((e) => e.action)).toEqual(['staff.claims.documents_requested', 'staff.claims.approved']);
  });

  it("writes the change and the staff member's entry together: when the entry fails, the case is unchanged", async () => {
    const { member } = await createMember();
    const { childCaseId } = await prepareClaimsMember(member.id);
    const before = await prisma.claimCase.findUniqueOrThrow({ where: { id: childCaseId }, select: { status: true, _count: { select: { events: true } } } });
    const failingEntry = () => [prisma.$executeRaw`SELECT 1 / 0`];

    await expect(applyStaffCaseUpdate(childCaseId, { kind: 'status', status: 'IN_REVIEW', medicalService: true }, failingEntry)).rejects.toThrow();
    const after = await prisma.claimCase.findUniqueOrThrow({ where: { id: childCaseId }, select: { status: true, medicalService: true, _count: { select: { events: true } } } });
    expect(after).toMatchObject({ status: before.status, medicalService: false, _count: { events: before._count.events } });
    expect(await staffEntries(member.id)).toEqual([]);
  });
});

describe('barrier reports', () => {
  it('are listed until marked answered, once', async () => {
    const session = await agent();
    const report = await prisma.accessibilityFeedback.create({ data: { message: 'Der Kontrast der Links ist zu schwach.', email: 'leser@example.de', locale: 'de' } });
    expect((await barrierQueue.list()).map((r) => r.id)).toContain(report.id);
    expect(await barrierQueue.markAnswered(session, report.id, meta)).toBe(true);
    expect(await barrierQueue.markAnswered(session, report.id, meta)).toBe(false);
    expect(await barrierQueue.markAnswered(session, crypto.randomUUID(), meta)).toBe(false);
    expect((await barrierQueue.list()).map((r) => r.id)).not.toContain(report.id);
    expect((await prisma.accessibilityFeedback.findUniqueOrThrow({ where: { id: report.id } })).answeredAt).not.toBeNull();
  });
});
