import { createMember } from '@/lib/testing/members';
import { notFound, testApiAllowed } from '@/lib/testing/test-api';

/** Test-only: creates a fresh member with a login (see lib/testing/test-api.ts). */
export async function POST(request: Request) {
  if (!testApiAllowed(request)) return notFound();
  const body = (await request.json().catch(() => ({}))) as { level?: 'BASIC' | 'SMART'; password?: string };
  const { member, kvnr, password } = await createMember({ level: body.level === 'BASIC' ? 'BASIC' : 'SMART', password: body.password });
  return Response.json({ memberId: member.id, kvnr, password, firstName: member.firstName, lastName: member.lastName, email: member.email });
}
