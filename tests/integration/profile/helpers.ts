import crypto from 'node:crypto';
import { prisma } from '@/lib/db';
import { recordStepUp } from '@/lib/auth/step-up';

export const meta = { ip: '198.51.100.90', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36' };

/** A session row of the member, as a login creates it; `stepUp` simulates a fresh second factor. */
export async function sessionFor(memberId: string, { stepUp = false } = {}) {
  const session = await prisma.session.create({
    data: { memberId, tokenHash: crypto.randomBytes(32).toString('hex'), expiresAt: new Date(Date.now() + 3600_000) },
  });
  if (stepUp) await recordStepUp(session.id, 'passkey');
  const row = await prisma.session.findUniqueOrThrow({ where: { id: session.id } });
  return { sessionId: row.id, memberId, stepUpAt: row.stepUpAt };
}
