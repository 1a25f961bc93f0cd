import { cookies } from 'next/headers';
import { env } from '@/lib/config/env';
import { prisma } from '@/lib/db';
import { requestMeta } from '@/lib/http/request-meta';
import { currentImpersonationId, endImpersonation, impersonationCookieName } from '@/lib/staff/impersonation';
import { getStaffSession } from '@/lib/staff/session';

/**
 * "Ansicht beenden" in the banner on every member page: a plain form post (the staff cookie is sent to
 * /admin only, SameSite=Strict). Ends this browser's impersonation and returns to the member in the console.
 */
export async function POST(request: Request) {
  if (request.headers.get('origin') !== env().origin) return new Response('Forbidden', { status: 403 });
  const session = await getStaffSession();
  if (!session) return Response.redirect(new URL('/admin/login', env().origin), 303);
  const id = await currentImpersonationId();
  let memberId: string | null = null;
  if (id) {
    const row = await prisma.impersonation.findFirst({ where: { id, staffId: session.staff.id }, select: { memberId: true } });
    if (row) {
      memberId = row.memberId;
      await endImpersonation(id, 'staff', { staff: session.staff }, await requestMeta());
    }
  }
  (await cookies()).delete(impersonationCookieName());
  return Response.redirect(new URL(memberId ? `/admin/mitglieder/${memberId}?ansicht=beendet` : '/admin?ansicht=beendet', env().origin), 303);
}
