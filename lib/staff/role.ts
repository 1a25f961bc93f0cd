import type { StaffRole } from '@/lib/generated/prisma/enums';

const RANK: Record<StaffRole, number> = { SUPPORT_AGENT: 1, SUPERVISOR: 2, ADMINISTRATOR: 3 };

/** Roles build on each other: a supervisor may do what an agent may, an administrator everything. */
export function hasRole(role: StaffRole, needed: StaffRole): boolean {
  return RANK[role] >= RANK[needed];
}
