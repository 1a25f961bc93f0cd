import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { env } from '@/lib/config/env';
import type { StaffRole } from '@/lib/generated/prisma/enums';
import { hasRole } from './role';
import { resolveStaffToken, type ActiveStaffSession } from './session-store';

/**
 * The staff guard. Staff sessions live beside member sessions, never mixed: their own table
 * (session-store.ts) and their own cookie (path /admin only, SameSite=Strict).
 */
export function staffCookieName(): string {
  return env().secureCookies ? '__Secure-hek.staff' : 'hek.staff';
}

export const STAFF_COOKIE_PATH = '/admin';

/** Sets the staff cookie (in a server action or route handler). */
export async function setStaffCookie(token: string): Promise<void> {
  (await cookies()).set(staffCookieName(), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: env().secureCookies,
    path: STAFF_COOKIE_PATH,
    maxAge: env().STAFF_SESSION_MAX_HOURS * 3600,
  });
}

export const getStaffSession = cache(async () => resolveStaffToken((await cookies()).get(staffCookieName())?.value));

/**
 * The guard of every admin page, server action and route handler (its first line). No staff session:
 * to the staff login. A staff member below the role: 404, the same as a page that is not there.
 */
export async function requireStaff(role: StaffRole = 'SUPPORT_AGENT'): Promise<ActiveStaffSession> {
  const session = await getStaffSession();
  if (!session) redirect('/admin/login');
  if (!hasRole(session.staff.role, role)) notFound();
  return session;
}

