import crypto from 'node:crypto';
import { prisma } from '@/lib/db';
import { hashStaffToken } from '@/lib/staff/session-store';
import type { StaffRole } from '@/lib/generated/prisma/enums';

/**
 * A staff member with a session (no passkey), for the seed, the test routes and integration tests: the
 * way to act as staff without the browser's WebAuthn. The token is what the staff cookie would hold.
 */
export async function createStaffWithSession(options: { role?: StaffRole; name?: string; email?: string } = {}) {
  const suffix = crypto.randomBytes(4).toString('hex');
  const staff = await prisma.staffAccount.upsert({
    where: { email: options.email ?? `agent-${suffix}@service.hek.example` },
    create: { email: options.email ?? `agent-${suffix}@service.hek.example`, name: options.name ?? `Agent ${suffix}`, role: options.role ?? 'SUPPORT_AGENT' },
    update: {},
  });
  const token = crypto.randomBytes(32).toString('base64url');
  const session = await prisma.staffSession.create({ data: { tokenHash: hashStaffToken(token), staffId: staff.id, expiresAt: new Date(Date.now() + 3600_000) } });
  return { staff, token, sessionId: session.id };
}
