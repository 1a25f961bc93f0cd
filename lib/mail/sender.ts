import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { prisma } from '@/lib/db';

// A row claimed longer ago than this belongs to a sender that died: another may take it.
const CLAIM_TIMEOUT_SECONDS = 300;
// After this many failed attempts a mail stays in the outbox with its error, for staff to look at.
export const MAX_ATTEMPTS = 5;

type ClaimedMail = { id: string; to: string; subject: string; text: string; attempts: number };

export function smtpTransport(url: string): Transporter {
  return nodemailer.createTransport(url);
}

/**
 * Sends queued mails through SMTP. Rows are claimed with one statement (FOR UPDATE SKIP LOCKED), so
 * several portal instances can run senders side by side without sending a mail twice.
 */
export async function deliverOutbox(transport: Transporter, from: string, batchSize = 20): Promise<{ sent: number; failed: number }> {
  const claimed = await prisma.$queryRaw<ClaimedMail[]>`
    UPDATE "OutboxEmail" SET "claimedAt" = now()
    WHERE "id" IN (
      SELECT "id" FROM "OutboxEmail"
      WHERE "sentAt" IS NULL AND "attempts" < ${MAX_ATTEMPTS}
        AND ("claimedAt" IS NULL OR "claimedAt" < now() - make_interval(secs => ${CLAIM_TIMEOUT_SECONDS}))
      ORDER BY "createdAt"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "to", "subject", "text", "attempts"`;
  let sent = 0;
  let failed = 0;
  for (const mail of claimed) {
    try {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
      await prisma.outboxEmail.update({ where: { id: mail.id }, data: { sentAt: new Date(), claimedAt: null, error: null, attempts: mail.attempts + 1 } });
      sent++;
    } catch (error) {
      // The SMTP server's answer, never the mail's text (which may hold a single-use link).
      const reason = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
      await prisma.outboxEmail.update({ where: { id: mail.id }, data: { claimedAt: null, error: reason, attempts: mail.attempts + 1 } });
      failed++;
    }
  }
  return { sent, failed };
}

/** Started once per server instance when SMTP_URL is set (instrumentation.ts). */
export function startOutboxSender(options: { url: string; from: string; intervalSeconds: number }): void {
  const transport = smtpTransport(options.url);
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const { failed } = await deliverOutbox(transport, options.from);
      if (failed > 0) console.warn(`[mail] ${failed} mail(s) could not be sent; see OutboxEmail.error`);
    } catch (error) {
      console.error('[mail] outbox delivery failed:', error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  }, options.intervalSeconds * 1000);
  timer.unref();
}
