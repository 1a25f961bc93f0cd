import 'server-only';
import { prisma } from '@/lib/db';

export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  /** email_confirmation, letter_arrived, security_notice, health_card, ... */
  kind: string;
  memberId?: string | null;
};

/**
 * Queues an email. The outbox table is the delivery in development and in the demo; a sender with SMTP
 * configured (SMTP_URL) delivers queued rows. Never put health data, passwords or tokens other than a
 * single-use link into a mail.
 */
export function queueEmail(email: OutgoingEmail) {
  return prisma.outboxEmail.create({
    data: { to: email.to, subject: email.subject, text: email.text, kind: email.kind, memberId: email.memberId ?? null },
  });
}
