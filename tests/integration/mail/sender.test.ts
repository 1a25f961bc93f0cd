import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { prisma } from '@/lib/db';
import { queueEmail } from '@/lib/mail/outbox';
import { deliverOutbox, MAX_ATTEMPTS, smtpTransport } from '@/lib/mail/sender';

type Received = { from: string; to: string[]; raw: string };

// A real SMTP server on a free local port: the sender talks SMTP to it as it would to the insurer's relay.
const received: Received[] = [];
const refused = new Set<string>();
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (refused.has(address.address)) return callback(new Error('mailbox unavailable'));
    callback();
  },
  onData(stream, session, callback) {
    let raw = '';
    stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    stream.on('end', () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
        raw,
      });
      callback();
    });
  },
});
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const transport = () => smtpTransport(`smtp://127.0.0.1:${port}?ignoreTLS=true`);

describe('outbox delivery over SMTP', () => {
  it('sends queued mails once and marks them sent', async () => {
    const before = received.length;
    await queueEmail({ to: 'lena.becker@example.test', subject: 'Ihre E-Mail-Adresse bestätigen', text: 'Bitte bestätigen Sie …', kind: 'email_confirmation' });
    await queueEmail({ to: 'paul.koch@example.test', subject: 'Neues Schreiben im Postfach', text: 'Ein neues Schreiben ist da.', kind: 'letter_arrived' });

    expect(await deliverOutbox(transport(), 'HEK Service-Portal <noreply@hek.example>')).toEqual({ sent: 2, failed: 0 });
    const mails = received.slice(before);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['lena.becker@example.test', 'paul.koch@example.test']);
    expect(mails.every((m) => m.from === 'noreply@hek.example')).toBe(true);
    expect(mails.find((m) => m.to[0] === 'paul.koch@example.test')?.raw).toContain('Neues Schreiben im Postfach');
    const rows = await prisma.outboxEmail.findMany({ where: { to: { in: ['lena.becker@example.test', 'paul.koch@example.test'] } } });
    expect(rows.every((r) => r.sentAt !== null && r.claimedAt === null && r.attempts === 1)).toBe(true);

    // Nothing is left to send: a second run sends nothing again.
    expect(await deliverOutbox(transport(), 'noreply@hek.example')).toEqual({ sent: 0, failed: 0 });
    expect(received.length).toBe(before + 2);
  });

  it('keeps a refused mail with the server answer and gives up after the last attempt', async () => {
    refused.add('unzustellbar@example.test');
    const mail = await queueEmail({ to: 'unzustellbar@example.test', subject: 'Sicherheitshinweis', text: 'Link: https://example.test/x', kind: 'security_notice' });
    expect(await deliverOutbox(transport(), 'noreply@hek.example')).toEqual({ sent: 0, failed: 1 });
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: mail.id } });
    expect(row.sentAt).toBeNull();
    expect(row.error).toContain('mailbox unavailable');
    expect(row.error).not.toContain('https://example.test/x');

    for (let i = 1; i < MAX_ATTEMPTS; i++) await deliverOutbox(transport(), 'noreply@hek.example');
    expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: mail.id } })).attempts).toBe(MAX_ATTEMPTS);
    expect(await deliverOutbox(transport(), 'noreply@hek.example')).toEqual({ sent: 0, failed: 0 });
  });

  it('does not send a mail that another sender has just claimed', async () => {
    const mail = await queueEmail({ to: 'felix.wolf@example.test', subject: 'Digitale Gesundheitskarte', text: 'Prüfcode …', kind: 'health_card' });
    await prisma.outboxEmail.update({ where: { id: mail.id }, data: { claimedAt: new Date() } });
    await deliverOutbox(transport(), 'noreply@hek.example');
    expect(received.some((m) => m.to.includes('felix.wolf@example.test'))).toBe(false);
    // A claim abandoned for longer than the timeout is taken over.
    await prisma.outboxEmail.update({ where: { id: mail.id }, data: { claimedAt: new Date(Date.now() - 10 * 60_000) } });
    await deliverOutbox(transport(), 'noreply@hek.example');
    expect(received.some((m) => m.to.includes('felix.wolf@example.test'))).toBe(true);
  });
});
