import { finishProcessing } from '@/lib/health-card/commands';
import { notFound, testApiAllowed } from '@/lib/testing/test-api';

/**
 * Test-only: ends the processing time of a member's pending digital health cards, as the back office
 * would, so that an end-to-end test sees "pending" and then "ready" without waiting minutes.
 */
export async function POST(request: Request) {
  if (!testApiAllowed(request)) return notFound();
  const body = (await request.json().catch(() => ({}))) as { memberId?: string };
  if (!body.memberId) return Response.json({ error: 'memberId required' }, { status: 400 });
  return Response.json({ finished: await finishProcessing(body.memberId) });
}
