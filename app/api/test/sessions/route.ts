import { prisma } from '@/lib/db';
import { notFound, testApiAllowed } from '@/lib/testing/test-api';

/**
 * Test-only: ages or ends a member's open sessions, to show what a member sees when a session expired,
 * went idle or was ended elsewhere; or ('bind') binds a stand-in browser to them, for suites that walk
 * smart routes over HTTP without a browser's key (see lib/testing/test-api.ts).
 */
export async function POST(request: Request) {
  if (!testApiAllowed(request)) return notFound();
  const { memberId, change } = (await request.json()) as { memberId: string; change: 'expire' | 'idle' | 'revoke' | 'bind' };
  if (typeof memberId !== 'string' || !memberId) return Response.json({ error: 'memberId required' }, { status: 400 });
  const open = { memberId, revokedAt: null };
  if (change === 'bind') {
    const device = await prisma.boundDevice.create({ data: { memberId, name: 'Testbrowser', publicKeyJwk: {} } });
    const { count } = await prisma.session.updateMany({ where: open, data: { boundDeviceId: device.id } });
    return Response.json({ count, deviceId: device.id });
  }
  const longAgo = new Date(Date.now() - 7 * 24 * 3600_000);
  const data =
    change === 'expire' ? { expiresAt: new Date(Date.now() - 1000) } : change === 'idle' ? { lastSeenAt: longAgo } : { revokedAt: new Date(), revokedReason: 'revoked_by_member' };
  const { count } = await prisma.session.updateMany({ where: open, data });
  return Response.json({ count });
}
