import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { runCleanup, type CleanupOptions } from '@/lib/jobs/cleanup';
import { createMember } from '../../helpers/members';

const NOW = new Date('2026-06-15T10:00:00Z');
const DAY = 86_400_000;
const ago = (days: number, from = NOW) => new Date(from.getTime() - days * DAY);
const ahead = (days: number, from = NOW) => new Date(from.getTime() + days * DAY);
const calendarDay = (instant: Date) => new Date(`${instant.toISOString().slice(0, 10)}T00:00:00Z`);
const options = (overrides: Partial<CleanupOptions> = {}): CleanupOptions => ({
  now: NOW,
  sessionRetentionDays: 90,
  mailRetentionDays: 30,
  letterNoticeDays: 30,
  sessionMaxHours: 8,
  ...overrides,
});
const random = () => crypto.randomBytes(16).toString('hex');

async function session(memberId: string, data: { expiresAt: Date; revokedAt?: Date }) {
  return prisma.session.create({ data: { memberId, tokenHash: random(), ...data } });
}

function pdf() {
  const data = new Uint8Array(Buffer.from(`%PDF-1.4 ${random()}`));
  return { contentType: 'application/pdf', size: data.byteLength, sha256: crypto.createHash('sha256').update(data).digest('hex'), data };
}

/** An insurer's letter with its PDF, and a reply of the member with an attachment. */
async function letterWithReply(memberId: string, retentionUntil: Date) {
  const file = await prisma.storedFile.create({ data: { memberId, ...pdf() } });
  const attachment = await prisma.storedFile.create({ data: { memberId, ...pdf() } });
  const letter = await prisma.letter.create({
    data: { memberId, folder: 'INBOX', kind: 'LETTER', category: 'BENEFITS', subject: 'Bescheid', retentionUntil, fileId: file.id },
  });
  const reply = await prisma.letter.create({
    data: {
      memberId,
      folder: 'SENT',
      kind: 'REPLY',
      category: 'BENEFITS',
      subject: 'Antwort',
      body: 'Anbei die Rechnung.',
      inReplyToId: letter.id,
      attachments: { create: { fileName: 'rechnung.pdf', position: 0, fileId: attachment.id } },
    },
  });
  return { letter, reply };
}

describe('cleanup of expired rows', () => {
  it('removes each kind of expired row a day after expiry and keeps the live ones', async () => {
    const { member } = await createMember();
    const live = await session(member.id, { expiresAt: ahead(1) });
    const expiredWhen = ago(2);
    const justExpired = new Date(NOW.getTime() - 60_000);
    await prisma.webAuthnChallenge.createMany({
      data: [
        { challenge: random(), purpose: 'authentication', expiresAt: expiredWhen },
        { challenge: random(), purpose: 'authentication', expiresAt: justExpired },
        { challenge: random(), purpose: 'registration', memberId: member.id, expiresAt: ahead(0.01) },
      ],
    });
    await prisma.deviceChallenge.createMany({
      data: [
        { sessionId: live.id, challenge: random(), expiresAt: expiredWhen, usedAt: ago(2.1) },
        { sessionId: live.id, challenge: random(), expiresAt: ahead(0.01) },
      ],
    });
    const handoff = { provider: 'nect', purpose: 'identify', memberId: member.id, nonce: random(), codeVerifier: random() };
    await prisma.identityRequest.createMany({
      data: [
        { ...handoff, stateHash: random(), expiresAt: expiredWhen, completedAt: ago(2.1), outcome: 'success' },
        // Expired, but its session may still be running: kept for the session's lifetime.
        { ...handoff, stateHash: random(), expiresAt: new Date(NOW.getTime() - 3_600_000) },
      ],
    });
    const transaction = { provider: 'nect', clientId: 'hek-smart-portal', redirectUri: 'http://localhost/cb', state: random(), nonce: random(), codeChallenge: random() };
    await prisma.idpTransaction.createMany({
      data: [
        { ...transaction, expiresAt: expiredWhen, codeHash: random(), codeExpiresAt: expiredWhen, codeUsedAt: ago(2.1) },
        { ...transaction, expiresAt: ahead(0.01) },
      ],
    });
    await prisma.emailConfirmation.createMany({
      data: [
        { memberId: member.id, tokenHash: random(), email: member.email, expiresAt: expiredWhen, usedAt: ago(3) },
        { memberId: member.id, tokenHash: random(), email: member.email, expiresAt: justExpired },
      ],
    });
    await prisma.passwordReset.createMany({
      data: [
        { memberId: member.id, tokenHash: random(), expiresAt: expiredWhen, identifiedAt: ago(3), usedAt: ago(3) },
        { memberId: member.id, tokenHash: random(), expiresAt: ahead(0.01) },
      ],
    });
    await prisma.dataExport.createMany({
      data: [
        { memberId: member.id, status: 'READY', readyAt: ago(9), expiresAt: expiredWhen, archive: Buffer.from('PK'), size: 2 },
        { memberId: member.id, status: 'READY', readyAt: ago(1), expiresAt: ahead(6), archive: Buffer.from('PK'), size: 2 },
        { memberId: member.id, status: 'PENDING' },
      ],
    });
    await prisma.rateLimitBucket.createMany({
      data: [
        { key: `login:${random()}`, count: 3, resetAt: ago(0.01) },
        { key: `login:${random()}`, count: 3, resetAt: ahead(0.01) },
      ],
    });

    const report = await runCleanup(options());
    expect(report).toMatchObject({
      webauthnChallenges: 1,
      deviceChallenges: 1,
      identityHandoffs: 1,
      simulatorTransactions: 1,
      emailConfirmations: 1,
      passwordResets: 1,
      dataExports: 1,
      rateLimitBuckets: 1,
    });
    expect(await prisma.webAuthnChallenge.count()).toBe(2);
    expect(await prisma.deviceChallenge.count()).toBe(1);
    expect(await prisma.identityRequest.count({ where: { memberId: member.id } })).toBe(1);
    expect(await prisma.idpTransaction.count()).toBe(1);
    expect(await prisma.emailConfirmation.count({ where: { memberId: member.id } })).toBe(1);
    expect(await prisma.passwordReset.count({ where: { memberId: member.id } })).toBe(1);
    expect(await prisma.dataExport.findMany({ where: { memberId: member.id }, select: { status: true }, orderBy: { status: 'asc' } })).toEqual([{ status: 'PENDING' }, { status: 'READY' }]);
    expect(await prisma.rateLimitBucket.count({ where: { resetAt: { gt: NOW } } })).toBe(1);
    expect(await prisma.rateLimitBucket.count({ where: { resetAt: { lt: NOW } } })).toBe(0);

    // A second pass finds nothing more.
    expect(Object.values(await runCleanup(options())).every((count) => count === 0)).toBe(true);
  });

  it('removes ended sessions after the configured retention, never a running one', async () => {
    const { member } = await createMember();
    const old = await session(member.id, { expiresAt: ago(100) });
    const revokedLongAgo = await session(member.id, { expiresAt: ago(80), revokedAt: ago(91) });
    const recent = await session(member.id, { expiresAt: ago(10), revokedAt: ago(10) });
    const running = await session(member.id, { expiresAt: ahead(0.2) });
    expect((await runCleanup(options())).sessions).toBe(2);
    const left = (await prisma.session.findMany({ where: { memberId: member.id }, select: { id: true } })).map((s) => s.id);
    expect(left.sort()).toEqual([recent.id, running.id].sort());
    expect(left).not.toContain(old.id);
    expect(left).not.toContain(revokedLongAgo.id);

    expect((await runCleanup(options({ sessionRetentionDays: 5 }))).sessions).toBe(1);
    expect(await prisma.session.findMany({ where: { memberId: member.id }, select: { id: true } })).toEqual([{ id: running.id }]);
  });

  it('removes sent mails after the configured time and keeps unsent ones', async () => {
    const { member } = await createMember();
    const mail = { to: member.email, memberId: member.id, subject: 'Betreff', text: 'Text', kind: 'test_cleanup' };
    await prisma.outboxEmail.createMany({
      data: [
        { ...mail, createdAt: ago(40), sentAt: ago(31) },
        { ...mail, createdAt: ago(6), sentAt: ago(5) },
        { ...mail, createdAt: ago(40), attempts: 5, error: '550 mailbox unavailable' },
      ],
    });
    expect((await runCleanup(options())).sentMails).toBe(1);
    expect(await prisma.outboxEmail.count({ where: { kind: 'test_cleanup' } })).toBe(2);
    expect((await runCleanup(options({ mailRetentionDays: 3 }))).sentMails).toBe(1);
    expect(await prisma.outboxEmail.findMany({ where: { kind: 'test_cleanup' }, select: { sentAt: true } })).toEqual([{ sentAt: null }]);
  });
});

describe('letters past their retention date', () => {
  it('tells the member once, in advance, then deletes the letter with its reply and all their files', async () => {
    const { member } = await createMember();
    const { letter, reply } = await letterWithReply(member.id, calendarDay(ahead(10)));
    const keep = await letterWithReply(member.id, calendarDay(ahead(400)));
    const files = await prisma.storedFile.count({ where: { memberId: member.id } });
    expect(files).toBe(4);

    // 30 days' notice, 10 days before the end of the retention: told now, deleted in 30 days.
    const first = await runCleanup(options());
    expect(first).toMatchObject({ retentionNotices: 1, letters: 0 });
    const notice = await prisma.letterRetentionNotice.findUniqueOrThrow({ where: { letterId: letter.id } });
    expect(notice.deleteOn.toISOString().slice(0, 10)).toBe(calendarDay(ahead(30)).toISOString().slice(0, 10));
    const mails = await prisma.outboxEmail.findMany({ where: { memberId: member.id, kind: 'letter_retention' } });
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toBe(member.email);
    expect(mails[0]?.text).toContain(`Guten Tag ${member.firstName} ${member.lastName}`);
    expect(mails[0]?.text).toMatch(/ab dem \d{2}\.\d{2}\.\d{4}/);
    expect(mails[0]?.text).toContain('/postfach');
    // Nothing about the letter's content in the mail.
    expect(mails[0]?.text).not.toContain('Bescheid');

    // Later passes before the deletion day neither mail again nor delete.
    expect(await runCleanup(options({ now: ahead(11) }))).toMatchObject({ retentionNotices: 0, letters: 0 });
    expect(await prisma.outboxEmail.count({ where: { memberId: member.id, kind: 'letter_retention' } })).toBe(1);
    expect(await prisma.letter.count({ where: { id: letter.id } })).toBe(1);

    const deletion = await runCleanup(options({ now: ahead(30) }));
    expect(deletion).toMatchObject({ letters: 1, letterFiles: 2, retentionNotices: 0 });
    expect(await prisma.letter.count({ where: { id: { in: [letter.id, reply.id] } } })).toBe(0);
    expect(await prisma.letterRetentionNotice.count({ where: { letterId: letter.id } })).toBe(0);
    expect(await prisma.storedFile.count({ where: { memberId: member.id } })).toBe(2);
    expect(await prisma.letter.count({ where: { id: { in: [keep.letter.id, keep.reply.id] } } })).toBe(2);
  });

  it('never deletes a letter whose member was not told: one already past its date waits the notice time', async () => {
    const { member } = await createMember();
    const { letter } = await letterWithReply(member.id, calendarDay(ago(5)));
    expect(await runCleanup(options())).toMatchObject({ retentionNotices: 1, letters: 0 });
    expect(await runCleanup(options({ now: ahead(29) }))).toMatchObject({ letters: 0 });
    expect(await runCleanup(options({ now: ahead(30) }))).toMatchObject({ letters: 1 });
    expect(await prisma.letter.count({ where: { id: letter.id } })).toBe(0);
  });
});

describe('two runs at the same time', () => {
  it('handle each row once: every count adds up, one notice mail per member', async () => {
    const members = await Promise.all([createMember(), createMember(), createMember()]);
    await prisma.webAuthnChallenge.createMany({ data: Array.from({ length: 40 }, () => ({ challenge: random(), purpose: 'authentication', expiresAt: ago(3) })) });
    await prisma.rateLimitBucket.createMany({ data: Array.from({ length: 25 }, () => ({ key: `verify:${random()}`, count: 1, resetAt: ago(1) })) });
    for (const { member } of members) {
      await letterWithReply(member.id, calendarDay(ahead(5)));
      await letterWithReply(member.id, calendarDay(ahead(6)));
    }

    const runs = await Promise.all([runCleanup(options({ batchSize: 7 })), runCleanup(options({ batchSize: 7 }))]);
    const sum = (kind: keyof (typeof runs)[number]) => runs[0][kind] + runs[1][kind];
    expect(sum('webauthnChallenges')).toBe(40);
    expect(sum('rateLimitBuckets')).toBe(25);
    expect(sum('retentionNotices')).toBe(6);
    expect(await prisma.webAuthnChallenge.count()).toBe(0);
    expect(await prisma.letterRetentionNotice.count()).toBe(6);
    for (const { member } of members) {
      expect(await prisma.outboxEmail.count({ where: { memberId: member.id, kind: 'letter_retention' } })).toBe(1);
    }

    const deletions = await Promise.all([runCleanup(options({ now: ahead(31), batchSize: 2 })), runCleanup(options({ now: ahead(31), batchSize: 2 }))]);
    expect(deletions[0].letters + deletions[1].letters).toBe(6);
    expect(deletions[0].letterFiles + deletions[1].letterFiles).toBe(12);
    expect(await prisma.letter.count({ where: { memberId: { in: members.map((m) => m.member.id) } } })).toBe(0);
    expect(await prisma.storedFile.count({ where: { memberId: { in: members.map((m) => m.member.id) } } })).toBe(0);
  });
});
