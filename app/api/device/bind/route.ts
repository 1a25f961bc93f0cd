import { requireMember } from '@/lib/auth/session';
import { requestMeta } from '@/lib/http/request-meta';
import { bindDevice } from '@/lib/identity/devices';
import { fromOwnOrigin, jsonError } from '@/lib/identity/http';

/** Stores this browser's public key right after a successful identification (see lib/identity/devices.ts). */
export async function POST(request: Request) {
  const { memberId, sessionId } = await requireMember();
  if (!fromOwnOrigin(request)) return jsonError(403, 'forbidden');
  const body = (await request.json().catch(() => null)) as { publicKeyJwk?: unknown; deviceId?: unknown } | null;
  const result = await bindDevice({ memberId, sessionId }, body?.publicKeyJwk, await requestMeta(), body?.deviceId);
  return result.ok ? Response.json({ deviceId: result.deviceId }) : jsonError(400, result.error);
}
