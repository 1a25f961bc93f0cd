import { requireMember } from '@/lib/auth/session';
import { checkLimit, registerFailure } from '@/lib/auth/rate-limit';
import { createDeviceChallenge } from '@/lib/identity/devices';
import { fromOwnOrigin, jsonError } from '@/lib/identity/http';

// A session needs one challenge per page load at most; the limit keeps a script from filling the table.
const CHALLENGES_PER_WINDOW = 30;
const WINDOW_SECONDS = 15 * 60;

/** A single-use challenge for this session's bound-browser check. */
export async function POST(request: Request) {
  const { sessionId } = await requireMember();
  if (!fromOwnOrigin(request)) return jsonError(403, 'forbidden');
  const key = `device-challenge:session:${sessionId}`;
  if ((await checkLimit(key, CHALLENGES_PER_WINDOW)).limited) return jsonError(429, 'rate_limited');
  await registerFailure(key, CHALLENGES_PER_WINDOW, WINDOW_SECONDS);
  // Single-use: never kept by a cache.
  return Response.json(await createDeviceChallenge(sessionId), { headers: { 'Cache-Control': 'no-store' } });
}
