import { requireMember } from '@/lib/auth/session';
import { createDeviceChallenge } from '@/lib/identity/devices';
import { fromOwnOrigin, jsonError } from '@/lib/identity/http';

/** A single-use challenge for this session's bound-browser check. */
export async function POST(request: Request) {
  const { sessionId } = await requireMember();
  if (!fromOwnOrigin(request)) return jsonError(403, 'forbidden');
  return Response.json(await createDeviceChallenge(sessionId));
}
