import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { setAppCommunication, consentHistory } from '@/lib/mailbox/app-communication';
import { archiveLetter, markLetterRead, sendToInsurer } from '@/lib/mailbox/commands';
import { deliverLetter } from '@/lib/mailbox/deliver';
import { getAttachment, getLetter, getLetterPdf, listLetters } from '@/lib/mailbox/queries';
import { memberBadges } from '@/lib/navigation/badges';
import { templateDelivery } from '@/lib/mailbox/templates';
import { createMember } from '../../helpers/members';
import { elfBytes, exeBytes, jpegBytes, pdfBytes, pngBytes } from './files';

const meta = { ip: '203.0.113.9', userAgent: 'vitest' };

async function smartMemberWithPostfach() {
  const { member } = await createMember({ level: 'SMART' });
  await setAppCommunication(member.id, true, 'settings', meta);
  return member;
}

async function deliver(memberId: string, deliveredAt = new Date()) {
  return deliverLetter({ memberId, ...templateDelivery('fehlende-unterlagen', deliveredAt) });
}

async function rowCounts(memberId: string) {
  const [letters, files, attachments, audits] = await Promise.all([
    prisma.letter.count({ where: { memberId } }),
    prisma.storedFile.count({ where: { memberId } }),
    prisma.letterAttachment.count({ where: { letter: { memberId } } }),
    prisma.auditEvent.count({ where: { subjectMemberId: memberId } }),
  ]);
  return { letters, files, attachments, audits };
}

describe('letters arrive', () => {
  it('puts a letter into the Postfach and sends a mail without content when App-Kommunikation is on', async () => {
    const member = await smartMemberWithPostfach();
    const { letterId, channel } = await deliver(member.id);
    expect(channel).toBe('postfach');
    const letter = await getLetter(member.id, letterId);
    expect(letter).toMatchObject({ folder: 'INBOX', subject: 'Bitte reichen Sie fehlende Unterlagen nach', readAt: null });
    expect(letter!.retentionUntil!.getUTCFullYear()).toBe(new Date().getUTCFullYear() + 6);
    const pdf = await getLetterPdf(member.id, letterId);
    expect(Buffer.from(pdf!.file.data).subarray(0, 5).toString()).toBe('%PDF-');
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { memberId: member.id, kind: 'letter_arrived' } });
    expect(mail.to).toBe(member.email);
    expect(mail.text).not.toContain('Unterlagen');
    expect(mail.subject).not.toContain('Unterlagen');
    expect((await memberBadges(member.id)).letters).toBe(1);
  });

  it('records the letter for postal delivery, outside the Postfach, when App-Kommunikation is off', async () => {
    const { member } = await createMember({ level: 'SMART' });
    const { letterId, channel } = await deliverLetter({ memberKvnr: member.kvnr, ...templateDelivery('leistungsbescheid') });
    expect(channel).toBe('postal');
    expect(await getLetter(member.id, letterId)).toBeNull();
    expect(await getLetterPdf(member.id, letterId)).toBeNull();
    expect((await listLetters(member.id, { tab: 'inbox' })).letters).toEqual([]);
    expect(await prisma.outboxEmail.count({ where: { memberId: member.id } })).toBe(0);
    expect(await prisma.letter.count({ where: { memberId: member.id, folder: 'POSTAL' } })).toBe(1);
  });

  it('keeps every change of App-Kommunikation as a consent with its time', async () => {
    const { member } = await createMember();
    await setAppCommunication(member.id, true, 'registration', meta);
    await setAppCommunication(member.id, false, 'settings', meta);
    const history = await consentHistory(member.id);
    expect(history.map((h) => [h.enabled, h.source])).toEqual([
      [false, 'settings'],
      [true, 'registration'],
    ]);
  });
});

describe('the Postfach list', () => {
  it('pages with a cursor without gaps or repeats, also when letters share the same instant', async () => {
    const member = await smartMemberWithPostfach();
    const same = new Date('2025-03-01T10:00:00Z');
    for (let i = 0; i < 23; i++) await deliver(member.id, i < 10 ? same : new Date(same.getTime() - i * 86400_000));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listLetters(member.id, { tab: 'inbox', cursor }, 7);
      seen.push(...page.letters.map((l) => l.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(23);
  });

  it('filters by category and year and searches subjects, with % taken literally', async () => {
    const member = await smartMemberWithPostfach();
    await deliverLetter({ memberId: member.id, ...templateDelivery('mitgliedsbescheinigung', new Date('2024-05-01T08:00:00Z')) });
    await deliverLetter({ memberId: member.id, ...templateDelivery('leistungsbescheid', new Date('2025-05-01T08:00:00Z')) });
    await deliverLetter({ memberId: member.id, subject: 'Erstattung 100% bewilligt', category: 'BENEFITS', pdf: pdfBytes() });
    const subjects = async (filter: Parameters<typeof listLetters>[1]) => (await listLetters(member.id, filter)).letters.map((l) => l.subject);
    expect(await subjects({ tab: 'inbox', category: 'MEMBERSHIP' })).toEqual(['Ihre Mitgliedsbescheinigung']);
    expect(await subjects({ tab: 'inbox', year: 2025 })).toEqual(['Bescheid über Ihren Antrag auf Kostenübernahme']);
    expect(await subjects({ tab: 'inbox', q: 'BESCHEINIGUNG' })).toEqual(['Ihre Mitgliedsbescheinigung']);
    expect(await subjects({ tab: 'inbox', q: '100%' })).toEqual(['Erstattung 100% bewilligt']);
    expect(await subjects({ tab: 'inbox', q: '%' })).toEqual(['Erstattung 100% bewilligt']);
    // The year filter offers every year from the newest letter of the tab back to the oldest, whatever the
    // filter (here a search without a hit, so the page itself is empty).
    const thisYear = new Date().getUTCFullYear();
    expect((await listLetters(member.id, { tab: 'inbox', q: 'kein Treffer' })).years).toEqual(Array.from({ length: thisYear - 2023 }, (_, i) => thisYear - i));
    expect((await listLetters(member.id, { tab: 'archive' })).years).toEqual([]);
  });

  it('marks read and unread, archives and brings back', async () => {
    const member = await smartMemberWithPostfach();
    const { letterId } = await deliver(member.id);
    expect(await markLetterRead(member.id, letterId, true)).toBe(true);
    expect((await memberBadges(member.id)).letters).toBe(0);
    expect(await markLetterRead(member.id, letterId, false)).toBe(true);
    expect((await memberBadges(member.id)).letters).toBe(1);
    expect(await archiveLetter(member.id, letterId, true)).toBe(true);
    expect((await listLetters(member.id, { tab: 'archive' })).letters.map((l) => l.id)).toEqual([letterId]);
    expect((await listLetters(member.id, { tab: 'inbox' })).letters).toEqual([]);
    expect(await archiveLetter(member.id, letterId, true)).toBe(true);
    expect(await archiveLetter(member.id, letterId, false)).toBe(true);
    expect((await getLetter(member.id, letterId))!.folder).toBe('INBOX');
  });
});

describe("another member's letters are not found", () => {
  it('for opening, the PDF, attachments, marking read, archiving and answering', async () => {
    const owner = await smartMemberWithPostfach();
    const intruder = await smartMemberWithPostfach();
    const { letterId } = await deliver(owner.id);
    const reply = await sendToInsurer(owner.id, { kind: 'REPLY', letterId, text: 'Anbei', idempotencyKey: crypto.randomUUID() }, [{ name: 'beleg.pdf', bytes: pdfBytes() }], meta);
    if (!reply.ok) throw new Error('reply failed');
    const attachment = await prisma.letterAttachment.findFirstOrThrow({ where: { letterId: reply.letterId } });

    expect(await getLetter(intruder.id, letterId)).toBeNull();
    expect(await getLetter(intruder.id, reply.letterId)).toBeNull();
    expect(await getLetterPdf(intruder.id, letterId)).toBeNull();
    expect(await getAttachment(intruder.id, reply.letterId, attachment.id)).toBeNull();
    // The intruder's own letter id with the owner's attachment id is no way in either.
    const own = await deliver(intruder.id);
    expect(await getAttachment(intruder.id, own.letterId, attachment.id)).toBeNull();
    expect(await markLetterRead(intruder.id, letterId, true)).toBe(false);
    expect(await archiveLetter(intruder.id, letterId, true)).toBe(false);
    expect(await archiveLetter(intruder.id, letterId, false)).toBe(false);
    const before = await rowCounts(intruder.id);
    expect(await sendToInsurer(intruder.id, { kind: 'REPLY', letterId, text: 'x', idempotencyKey: crypto.randomUUID() }, [], meta)).toEqual({ ok: false, error: 'not_found' });
    expect(await rowCounts(intruder.id)).toEqual(before);
    // Nothing changed for the owner.
    expect((await getLetter(owner.id, letterId))!.readAt).toBeNull();
    expect(await getAttachment(owner.id, reply.letterId, attachment.id)).not.toBeNull();
  });
});

describe('answering a letter', () => {
  it('stores the reply under Gesendet, linked to the letter, with its attachments', async () => {
    const member = await smartMemberWithPostfach();
    const { letterId } = await deliver(member.id);
    const result = await sendToInsurer(
      member.id,
      { kind: 'REPLY', letterId, text: 'Die Rechnung liegt bei.', idempotencyKey: crypto.randomUUID() },
      [
        { name: 'rechnung.pdf', bytes: pdfBytes() },
        { name: 'foto.JPG', bytes: jpegBytes() },
        { name: '../../etc/scan.png', bytes: pngBytes() },
      ],
      meta,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const sent = await listLetters(member.id, { tab: 'sent' });
    expect(sent.letters.map((l) => [l.id, l.attachmentCount])).toEqual([[result.letterId, 3]]);
    const letter = await getLetter(member.id, letterId);
    expect(letter!.replies.map((r) => r.id)).toEqual([result.letterId]);
    const reply = await getLetter(member.id, result.letterId);
    expect(reply).toMatchObject({ folder: 'SENT', kind: 'REPLY', subject: 'Antwort: Bitte reichen Sie fehlende Unterlagen nach', body: 'Die Rechnung liegt bei.' });
    expect(reply!.attachments.map((a) => [a.fileName, a.file.contentType])).toEqual([
      ['rechnung.pdf', 'application/pdf'],
      ['foto.JPG', 'image/jpeg'],
      ['scan.png', 'image/png'],
    ]);
    expect(await prisma.auditEvent.count({ where: { subjectMemberId: member.id, action: 'mailbox.reply.sent' } })).toBe(1);
  });

  it('creates one reply when the same form is submitted twice, one after the other or at once', async () => {
    const member = await smartMemberWithPostfach();
    const { letterId } = await deliver(member.id);
    const input = { kind: 'REPLY' as const, letterId, text: 'Einmal bitte', idempotencyKey: crypto.randomUUID() };
    const files = [{ name: 'a.pdf', bytes: pdfBytes() }];
    const first = await sendToInsurer(member.id, input, files, meta);
    const second = await sendToInsurer(member.id, input, files, meta);
    expect(second).toEqual(first);
    const racing = { ...input, idempotencyKey: crypto.randomUUID() };
    const [a, b] = await Promise.all([sendToInsurer(member.id, racing, files, meta), sendToInsurer(member.id, racing, files, meta)]);
    expect(a).toEqual(b);
    expect(await prisma.letter.count({ where: { memberId: member.id, folder: 'SENT' } })).toBe(2);
    expect(await prisma.letterAttachment.count({ where: { letter: { memberId: member.id } } })).toBe(2);
  });
});

describe('refused files', () => {
  async function attempt(files: { name: string; bytes: Uint8Array<ArrayBuffer> }[]) {
    const member = await smartMemberWithPostfach();
    const { letterId } = await deliver(member.id);
    const before = await rowCounts(member.id);
    const result = await sendToInsurer(member.id, { kind: 'REPLY', letterId, text: 'Anbei', idempotencyKey: crypto.randomUUID() }, files, meta);
    // Nothing half-saved: not the reply, not the good files next to the bad one.
    expect(await rowCounts(member.id)).toEqual(before);
    return result;
  }

  it('refuses a PDF renamed to .png, naming it', async () => {
    expect(await attempt([{ name: 'ok.pdf', bytes: pdfBytes() }, { name: 'bild.png', bytes: pdfBytes() }])).toEqual({
      ok: false,
      error: 'files',
      tooMany: false,
      refused: [{ fileName: 'bild.png', reason: 'extension_mismatch' }],
    });
  });

  it('refuses executables renamed to .pdf', async () => {
    const result = await attempt([
      { name: 'rechnung.pdf', bytes: exeBytes() },
      { name: 'befund.pdf', bytes: elfBytes() },
    ]);
    expect(result).toMatchObject({
      refused: [
        { fileName: 'rechnung.pdf', reason: 'type_not_allowed' },
        { fileName: 'befund.pdf', reason: 'type_not_allowed' },
      ],
    });
  });

  it('refuses an empty file and an oversized one', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdfBytes());
    expect(await attempt([{ name: 'leer.pdf', bytes: new Uint8Array() }, { name: 'gross.pdf', bytes: big }])).toMatchObject({
      refused: [
        { fileName: 'leer.pdf', reason: 'empty' },
        { fileName: 'gross.pdf', reason: 'too_large' },
      ],
    });
  });

  it('refuses too many files', async () => {
    const files = Array.from({ length: 6 }, (_, i) => ({ name: `seite-${i}.png`, bytes: pngBytes() }));
    expect(await attempt(files)).toEqual({ ok: false, error: 'files', tooMany: true, refused: [] });
  });
});

describe('submitting documents without a letter', () => {
  it('stores them under Gesendet with the chosen category, and needs at least one file', async () => {
    const member = await smartMemberWithPostfach();
    const input = { kind: 'SUBMISSION' as const, category: 'SICK_PAY' as const, subject: 'Arbeitsunfähigkeitsbescheinigung', text: '', idempotencyKey: crypto.randomUUID() };
    expect(await sendToInsurer(member.id, input, [], meta)).toMatchObject({ ok: false, error: 'files' });
    const result = await sendToInsurer(member.id, input, [{ name: 'au.pdf', bytes: pdfBytes() }], meta);
    expect(result.ok).toBe(true);
    const sent = await listLetters(member.id, { tab: 'sent', category: 'SICK_PAY' });
    expect(sent.letters).toMatchObject([{ kind: 'SUBMISSION', subject: 'Arbeitsunfähigkeitsbescheinigung' }]);
  });
});
