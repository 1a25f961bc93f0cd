import crypto from 'node:crypto';
import { startConversation } from '@/lib/messages/commands';
import { createStaffAccount } from '@/lib/staff/accounts';
import { notFound, testApiAllowed } from '@/lib/testing/test-api';
import { randomKvnr } from '@/lib/testing/members';

type Body = { action?: 'staff' | 'conversation'; role?: string; name?: string; memberId?: string };

/**
 * Test-only (see lib/testing/test-api.ts): a fresh staff account with its one-time passkey enrolment link,
 * or a member's open messenger conversation waiting for the service.
 */
export async function POST(request: Request) {
  if (!testApiAllowed(request)) return notFound();
  const body = (await request.json().catch(() => ({}))) as Body;
  if (body.action === 'conversation') {
    if (typeof body.memberId !== 'string') return Response.json({ error: 'memberId' }, { status: 400 });
    const subject = `Frage zur Familienversicherung ${crypto.randomInt(1000, 9999)}`;
    const { conversationId } = await startConversation(
      body.memberId,
      { topic: 'MEMBERSHIP', subject, body: 'Kann meine Tochter familienversichert werden?', idempotencyKey: crypto.randomUUID() },
      { ip: null, userAgent: 'test-api' },
    );
    return Response.json({ conversationId, subject });
  }
  const suffix = randomKvnr().toLowerCase();
  const role = body.role === 'SUPERVISOR' || body.role === 'ADMINISTRATOR' ? body.role : 'SUPPORT_AGENT';
  const name = body.name ?? `Agentin ${suffix.slice(1, 5)}`;
  const result = await createStaffAccount({ email: `staff-${suffix}@service.hek.example`, name, role }, null);
  if (!result.ok) return Response.json({ error: result.error }, { status: 400 });
  return Response.json({ staffId: result.staffId, name, enrolmentLink: result.enrolmentLink });
}
