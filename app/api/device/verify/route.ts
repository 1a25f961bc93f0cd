import { requireMember } from '@/lib/auth/session';
import { requestMeta } from '@/lib/http/request-meta';
import { verifyDeviceSignature } from '@/lib/identity/devices';
import { fromOwnOrigin, jsonError } from '@/lib/identity/http';

/** The bound browser's signature over the challenge: factor two of this session. */
export async function POST(request: Request) {
  const { memberId, sessionId } = await requireMember();
  if (!fromOwnOrigin(request)) return jsonError(403, 'forbidden');
  const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
  const answer = {
    challengeId: String(body?.challengeId ?? ''),
    deviceId: String(body?.deviceId ?? ''),
    signature: String(body?.signature ?? ''),
  };
  const result = await verifyDeviceSignature({ memberId, sessionId }, answer, await requestMeta());
  return result.ok ? Response.json({ ok: true }) : jsonError(400, result.error);
}
