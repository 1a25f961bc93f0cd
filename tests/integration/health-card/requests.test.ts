import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { finishProcessing, orderHealthCard, requestReplacement, sendReplacementByEmail } from '@/lib/health-card/commands';
import { replacementPdf } from '@/lib/health-card/document';
import { findReplacement, listReplacements, yearlyUsage } from '@/lib/health-card/queries';
import { closePdfPool, renderBaselinePdf } from '@/lib/pdf/pool';
import { createMember } from '../../helpers/members';

const meta = { ip: '203.0.113.7', userAgent: 'vitest' };
const key = () => `k${crypto.randomUUID().replaceAll('-', '')}`;
const at = (iso: string) => ({ now: new Date(iso), delaySeconds: 0 });

// The first render starts a worker and parses the fonts: done here, within the hook's longer timeout.
beforeAll(() => renderBaselinePdf('warm-up'));
afterAll(closePdfPool);

describe('four replacement certificates per calendar year', () => {
  it('allows four in a year and refuses the fifth; the next year starts again', async () => {
    const { member } = await createMember();
    const dates = ['2026-01-05T10:00:00Z', '2026-03-05T10:00:00Z', '2026-06-05T10:00:00Z', '2026-09-05T10:00:00Z'];
    for (const [i, d] of dates.entries()) {
      const result = await requestReplacement(member.id, { requestKey: key() }, meta, at(d));
      expect(result.status, `request ${i + 1}`).toBe('created');
    }
    expect(await requestReplacement(member.id, { requestKey: key() }, meta, at('2026-12-30T10:00:00Z'))).toEqual({ status: 'limit_reached' });
    // 2026-12-31 23:30 UTC is New Year in Berlin: a 2027 request.
    expect((await requestReplacement(member.id, { requestKey: key() }, meta, at('2026-12-31T23:30:00Z'))).status).toBe('created');

    const cards = await prisma.healthCardReplacement.findMany({ where: { memberId: member.id }, orderBy: { requestedAt: 'asc' } });
    expect(cards.map((c) => [c.year, c.ordinal])).toEqual([[2026, 1], [2026, 2], [2026, 3], [2026, 4], [2027, 1]]);
    expect(await prisma.auditEvent.count({ where: { subjectMemberId: member.id, action: 'health_card.requested' } })).toBe(5);
  });

  it('lets only one of two simultaneous requests take the last slot', async () => {
    const { member } = await createMember();
    // replaceValid: the member confirmed each time that a new card is wanted while one is still valid.
    for (let i = 0; i < 3; i++) await requestReplacement(member.id, { requestKey: key(), replaceValid: true }, meta, at('2026-02-01T10:00:00Z'));
    const results = await Promise.all([
      requestReplacement(member.id, { requestKey: key(), replaceValid: true }, meta, at('2026-02-02T10:00:00Z')),
      requestReplacement(member.id, { requestKey: key(), replaceValid: true }, meta, at('2026-02-02T10:00:00Z')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['created', 'limit_reached']);
    expect(await prisma.healthCardReplacement.count({ where: { memberId: member.id } })).toBe(4);
  });

  it('never makes more than four when many requests arrive at once', async () => {
    const { member } = await createMember();
    const results = await Promise.all(Array.from({ length: 8 }, () => requestReplacement(member.id, { requestKey: key(), replaceValid: true }, meta, at('2026-05-01T10:00:00Z'))));
    expect(results.filter((r) => r.status === 'created')).toHaveLength(4);
    expect(results.filter((r) => r.status === 'limit_reached')).toHaveLength(4);
    expect(await prisma.healthCardReplacement.count({ where: { memberId: member.id } })).toBe(4);
    expect((await yearlyUsage(member.id, new Date('2026-05-01T10:00:00Z'))).used).toBe(4);
  });

  it('counts a double submit (same request key, even at the same moment) once', async () => {
    const { member } = await createMember();
    const requestKey = key();
    const [a, b] = await Promise.all([
      requestReplacement(member.id, { requestKey }, meta, at('2026-04-01T10:00:00Z')),
      requestReplacement(member.id, { requestKey }, meta, at('2026-04-01T10:00:00Z')),
    ]);
    expect([a.status, b.status].sort()).toEqual(['created', 'existing']);
    expect(await prisma.healthCardReplacement.count({ where: { memberId: member.id } })).toBe(1);
    expect((await yearlyUsage(member.id, new Date('2026-04-01T10:00:00Z'))).used).toBe(1);
  });
});

describe('no slot used by accident', () => {
  it('answers a new request while a card is being made with that card', async () => {
    const { member } = await createMember();
    const now = new Date('2026-03-02T10:00:00Z');
    const first = await requestReplacement(member.id, { requestKey: key() }, meta, { now, delaySeconds: 120 });
    if (first.status !== 'created') throw new Error(first.status);
    const second = await requestReplacement(member.id, { requestKey: key(), replaceValid: true }, meta, { now: new Date(now.getTime() + 5_000), delaySeconds: 120 });
    expect(second).toEqual({ status: 'in_progress', cardId: first.cardId });
    expect((await yearlyUsage(member.id, now)).used).toBe(1);
  });

  it('makes a new card while one is still valid only when the member confirms it', async () => {
    const { member } = await createMember();
    const first = await requestReplacement(member.id, { requestKey: key() }, meta, at('2026-03-02T10:00:00Z'));
    if (first.status !== 'created') throw new Error(first.status);
    const asked = await requestReplacement(member.id, { requestKey: key() }, meta, at('2026-03-09T10:00:00Z'));
    expect(asked).toMatchObject({ status: 'still_valid', cardId: first.cardId });
    expect((await yearlyUsage(member.id, new Date('2026-03-09T10:00:00Z'))).used).toBe(1);
    expect((await requestReplacement(member.id, { requestKey: key(), replaceValid: true }, meta, at('2026-03-09T10:00:00Z'))).status).toBe('created');
    // Once the card has expired, no question is asked.
    expect((await requestReplacement(member.id, { requestKey: key() }, meta, at('2026-04-20T10:00:00Z'))).status).toBe('created');
  });
});

describe('processing and the card itself', () => {
  it('is pending during the processing time and ready afterwards, with 14 days of validity', async () => {
    const { member } = await createMember();
    const now = new Date();
    const result = await requestReplacement(member.id, { requestKey: key() }, meta, { now, delaySeconds: 120 });
    if (result.status !== 'created') throw new Error(result.status);
    expect((await findReplacement(member.id, result.cardId, now))?.status).toBe('pending');
    expect(await replacementPdf(member.id, result.cardId)).toBeNull();
    expect((await findReplacement(member.id, result.cardId, new Date(now.getTime() + 121_000)))?.status).toBe('valid');
    expect(await finishProcessing(member.id)).toBe(1);
    const [card] = await listReplacements(member.id);
    expect(card?.status).toBe('valid');
    expect((card!.validUntil.getTime() - card!.validFrom.getTime()) / 86_400_000).toBe(13);
  });

  it('sends the code and the verification link by email to the member or another address', async () => {
    const { member } = await createMember();
    const result = await requestReplacement(member.id, { requestKey: key() }, meta, { delaySeconds: 0 });
    if (result.status !== 'created') throw new Error(result.status);
    expect(await sendReplacementByEmail(member.id, { cardId: result.cardId, recipient: 'self' }, meta)).toEqual({ status: 'sent', to: member.email });
    expect(await sendReplacementByEmail(member.id, { cardId: result.cardId, recipient: 'other', email: 'praxis@example.de' }, meta)).toEqual({ status: 'sent', to: 'praxis@example.de' });
    expect((await sendReplacementByEmail(member.id, { cardId: result.cardId, recipient: 'other', email: 'keine-adresse' }, meta)).status).toBe('invalid');
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: 'praxis@example.de', memberId: member.id } });
    const card = await prisma.healthCardReplacement.findUniqueOrThrow({ where: { id: result.cardId } });
    expect(mail.kind).toBe('health_card');
    expect(mail.text).toContain('/verifizieren?code=');
    expect(mail.text.replaceAll('-', '')).toContain(card.verificationCode);
    expect(mail.text).not.toContain(member.kvnr);
  });

  it('records an online order of a new health card once per submitted form', async () => {
    const { member } = await createMember();
    const requestKey = key();
    expect((await orderHealthCard(member.id, { reason: 'lost', requestKey }, meta)).status).toBe('ordered');
    expect((await orderHealthCard(member.id, { reason: 'lost', requestKey }, meta)).status).toBe('existing');
    expect((await orderHealthCard(member.id, { reason: 'verschluckt' as 'lost', requestKey: key() }, meta)).status).toBe('invalid');
    expect(await prisma.healthCardOrder.count({ where: { memberId: member.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { subjectMemberId: member.id, action: 'health_card.ordered' } })).toBe(1);
  });
});

describe("another member's card is not found", () => {
  it('in the view, the print view, the PDF and the email action', async () => {
    const owner = await createMember();
    const other = await createMember();
    const result = await requestReplacement(owner.member.id, { requestKey: key() }, meta, { delaySeconds: 0 });
    if (result.status !== 'created') throw new Error(result.status);
    expect(await findReplacement(other.member.id, result.cardId)).toBeNull();
    expect(await replacementPdf(other.member.id, result.cardId)).toBeNull();
    expect(await sendReplacementByEmail(other.member.id, { cardId: result.cardId, recipient: 'self' }, meta)).toEqual({ status: 'not_found' });
    expect(await finishProcessing(other.member.id)).toBe(0);
    expect(await findReplacement(other.member.id, 'not-a-uuid')).toBeNull();
    expect(await findReplacement(owner.member.id, result.cardId)).not.toBeNull();
  });
});
