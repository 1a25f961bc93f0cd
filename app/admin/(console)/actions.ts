'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { recordStaffAudit } from '@/lib/audit/chain';
import { requestMeta } from '@/lib/http/request-meta';
import { requireStaff, STAFF_COOKIE_PATH, staffCookieName } from '@/lib/staff/session';
import { endStaffSession } from '@/lib/staff/session-store';

export async function staffLogoutAction(): Promise<void> {
  const session = await requireStaff();
  await endStaffSession(session.sessionId, 'logout');
  await recordStaffAudit({ action: 'staff.logout', staff: session.staff, target: session.sessionId, meta: await requestMeta() });
  (await cookies()).delete({ name: staffCookieName(), path: STAFF_COOKIE_PATH });
  redirect('/admin/login');
}
