import { issueCertificate } from '@/lib/certificates/commands';
import { prisma } from '@/lib/db';
import { notFound, testApiAllowed } from '@/lib/testing/test-api';

/** Test-only: issues a certificate for a member (by KVNR) through the domain logic, for the benchmark. */
export async function POST(request: Request) {
  if (!testApiAllowed(request)) return notFound();
  const body = (await request.json().catch(() => ({}))) as { kvnr?: string; kind?: 'MEMBERSHIP' | 'INSURANCE_PERIODS'; periodFrom?: string; periodTo?: string };
  const member = body.kvnr ? await prisma.member.findUnique({ where: { kvnr: body.kvnr }, select: { id: true } }) : null;
  if (!member) return notFound();
  const result = await issueCertificate(member.id, { kind: body.kind ?? 'MEMBERSHIP', periodFrom: body.periodFrom, periodTo: body.periodTo }, { ip: null, userAgent: 'test-api' });
  return Response.json(result, { status: result.ok ? 200 : 400 });
}
