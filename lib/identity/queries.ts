import 'server-only';
import { prisma } from '@/lib/db';

/** The newest successful identification of this session (the completion page shows it and binds the browser). */
export function latestIdentification(memberId: string, sessionId: string) {
  return prisma.identityRequest.findFirst({
    where: { memberId, sessionId, purpose: 'identify', outcome: 'success' },
    orderBy: { completedAt: 'desc' },
    select: { id: true, provider: true, completedAt: true, deviceBoundAt: true },
  });
}

/** The demo's mail view is on in development, or when DEMO_MAIL_VIEW=1 (mails hold single-use links). */
export function demoMailViewEnabled(): boolean {
  return process.env.NODE_ENV !== 'production' || process.env.DEMO_MAIL_VIEW === '1';
}

/** The newest queued mails, for the demo's mail view (/dev/outbox). */
export function demoOutbox() {
  return prisma.outboxEmail.findMany({
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: { id: true, to: true, subject: true, text: true, kind: true, createdAt: true },
  });
}
