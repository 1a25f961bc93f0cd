import { prepareClaimsMember } from '@/lib/testing/claims';
import { notFound, testApiAllowed } from '@/lib/testing/test-api';

/** Test-only (see lib/testing/test-api.ts): a child and claims for a test member (lib/testing/claims.ts). */
export async function POST(request: Request) {
  if (!testApiAllowed(request)) return notFound();
  const body = (await request.json().catch(() => ({}))) as { memberId?: string };
  if (!body.memberId) return Response.json({ error: 'memberId' }, { status: 400 });
  return Response.json(await prepareClaimsMember(body.memberId));
}
