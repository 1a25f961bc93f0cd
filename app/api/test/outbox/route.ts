import { prisma } from '@/lib/db';
import { notFound, testApiAllowed } from '@/lib/testing/test-api';

/** Test-only: the newest mails queued for an address (see lib/testing/test-api.ts). */
export async function GET(request: Request) {
  if (!testApiAllowed(request)) return notFound();
  const to = new URL(request.url).searchParams.get('to') ?? '';
  const mails = await prisma.outboxEmail.findMany({ where: { to }, orderBy: { createdAt: 'desc' }, take: 20 });
  return Response.json(mails);
}
