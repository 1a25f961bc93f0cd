import { cookies } from 'next/headers';
import { env } from '@/lib/config/env';
import { impersonationCookieName } from '@/lib/staff/impersonation';
import { getStaffSession } from '@/lib/staff/session';

/**
 * Where a member page sends the staff member when the impersonation ran out or was ended elsewhere
 * (lib/auth/session.ts requireMember): forgets the cookie and returns to the console. Without a staff
 * session it only sends to the staff login.
 */
export async function GET() {
  if (!(await getStaffSession())) return Response.redirect(new URL('/admin/login', env().origin), 303);
  (await cookies()).delete(impersonationCookieName());
  return Response.redirect(new URL('/admin?ansicht=beendet', env().origin), 303);
}
