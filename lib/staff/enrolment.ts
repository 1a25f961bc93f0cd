import 'server-only';
import crypto from 'node:crypto';
import { prisma } from '@/lib/db';
import { env } from '@/lib/config/env';
import { hashStaffToken } from './session-store';

/** An enrolment link: one use, 24 hours. Returns the link to hand to the staff member. */
export async function createEnrolmentLink(staffId: string): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await prisma.staffEnrolment.create({ data: { staffId, tokenHash: hashStaffToken(token), expiresAt: new Date(Date.now() + 24 * 3600_000) } });
  return `${env().origin}/admin/registrierung?token=${token}`;
}
