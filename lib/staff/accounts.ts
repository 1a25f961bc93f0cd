import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { staffAuditOps } from '@/lib/audit/chain';
import type { RequestMeta } from '@/lib/http/request-meta';
import { createEnrolmentLink } from './enrolment';
import { createStaffSchema } from './schema';

export type CreateStaffResult = { ok: true; staffId: string; enrolmentLink: string } | { ok: false; error: 'invalid' | 'exists' };

/**
 * Creates a staff account and its one-time enrolment link (the staff member registers a passkey there).
 * `by` is the administrator; null for the first administrator, created by `npm run staff:create`.
 */
export async function createStaffAccount(input: unknown, by: { id: string; name: string } | null, meta?: RequestMeta): Promise<CreateStaffResult> {
  const parsed = createStaffSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  try {
    const [staff] = await prisma.$transaction([
      prisma.staffAccount.create({ data: { ...parsed.data, createdById: by?.id ?? null } }),
      ...staffAuditOps({ action: 'staff.account.created', staff: by, target: `${parsed.data.email} ${parsed.data.role}`, meta }),
    ]);
    return { ok: true, staffId: staff.id, enrolmentLink: await createEnrolmentLink(staff.id) };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return { ok: false, error: 'exists' };
    throw error;
  }
}

/** Disables a staff account: its sessions and impersonations end with it. */
export async function disableStaffAccount(staffId: string, by: { id: string; name: string }, meta: RequestMeta): Promise<boolean> {
  if (!z.uuid().safeParse(staffId).success || staffId === by.id) return false;
  const now = new Date();
  const [disabled] = await prisma.$transaction([
    prisma.staffAccount.updateMany({ where: { id: staffId, disabledAt: null }, data: { disabledAt: now } }),
    prisma.staffSession.updateMany({ where: { staffId, revokedAt: null }, data: { revokedAt: now, revokedReason: 'disabled' } }),
    prisma.impersonation.updateMany({ where: { staffId, endedAt: null }, data: { endedAt: now, endedReason: 'staff_session_ended' } }),
    ...staffAuditOps({ action: 'staff.account.disabled', staff: by, target: staffId, meta }),
  ]);
  return disabled.count === 1;
}

export async function newEnrolmentLink(staffId: string, by: { id: string; name: string }, meta: RequestMeta): Promise<string | null> {
  if (!z.uuid().safeParse(staffId).success) return null;
  const staff = await prisma.staffAccount.findFirst({ where: { id: staffId, disabledAt: null }, select: { id: true } });
  if (!staff) return null;
  await prisma.$transaction(staffAuditOps({ action: 'staff.enrolment.created', staff: by, target: staffId, meta }));
  return createEnrolmentLink(staff.id);
}

export function listStaffAccounts() {
  return prisma.staffAccount.findMany({
    orderBy: [{ disabledAt: { sort: 'desc', nulls: 'first' } }, { name: 'asc' }],
    select: { id: true, name: true, email: true, role: true, disabledAt: true, createdAt: true, _count: { select: { passkeys: true } } },
  });
}
