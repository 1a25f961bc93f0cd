import { prisma } from '@/lib/db';
import { createMember } from '@/lib/testing/members';
import { notFound, testApiAllowed } from '@/lib/testing/test-api';

/**
 * Test-only: creates a fresh member with a login (see lib/testing/test-api.ts); `insured` gives them a
 * current compulsory insurance since 2020, so that certificates can be issued.
 */
export async function POST(request: Request) {
  if (!testApiAllowed(request)) return notFound();
  const body = (await request.json().catch(() => ({}))) as { level?: 'BASIC' | 'SMART'; password?: string; insured?: boolean };
  const { member, kvnr, password } = await createMember({ level: body.level === 'BASIC' ? 'BASIC' : 'SMART', password: body.password });
  if (body.insured) {
    await prisma.insurancePeriod.create({ data: { memberId: member.id, kind: 'COMPULSORY', startsOn: new Date('2020-01-01T00:00:00Z'), endsOn: null, payerName: 'Elbufer Werkstätten GmbH' } });
  }
  return Response.json({ memberId: member.id, kvnr, password, firstName: member.firstName, lastName: member.lastName, email: member.email });
}
