import crypto from 'node:crypto';
import { setAppCommunication } from '@/lib/mailbox/app-communication';
import { deliverLetter } from '@/lib/mailbox/deliver';
import { isLetterTemplate, templateDelivery } from '@/lib/mailbox/templates';
import { postStaffAnswer, startConversation } from '@/lib/messages/commands';
import { notFound, testApiAllowed } from '@/lib/testing/test-api';
import { createStaffWithSession } from '@/lib/testing/staff';

type Body = { memberId?: string; action?: 'appCommunication' | 'deliver' | 'answeredConversation'; enabled?: boolean; template?: string };

/**
 * Test-only (see lib/testing/test-api.ts): prepares Postfach data for a test member through the domain's
 * own functions — switch App-Kommunikation, deliver a letter, open a conversation the service answered.
 */
export async function POST(request: Request) {
  if (!testApiAllowed(request)) return notFound();
  const body = (await request.json().catch(() => ({}))) as Body;
  if (!body.memberId) return Response.json({ error: 'memberId' }, { status: 400 });
  const meta = { ip: null, userAgent: 'e2e' };
  switch (body.action) {
    case 'appCommunication':
      await setAppCommunication(body.memberId, body.enabled !== false, 'settings', meta);
      return Response.json({ ok: true });
    case 'deliver': {
      const template = body.template ?? 'fehlende-unterlagen';
      if (!isLetterTemplate(template)) return Response.json({ error: 'template' }, { status: 400 });
      return Response.json(await deliverLetter({ memberId: body.memberId, ...templateDelivery(template) }));
    }
    case 'answeredConversation': {
      const { conversationId } = await startConversation(
        body.memberId,
        { topic: 'BENEFITS', subject: 'Frage zur Zahnreinigung', body: 'Übernehmen Sie die Kosten?', idempotencyKey: crypto.randomUUID() },
        meta,
      );
      await postStaffAnswer(await createStaffWithSession({ name: 'Frau Petersen', email: 'petersen@service.hek.example' }), conversationId, 'Ja, einmal im Jahr bis zu 60 Euro. Details: https://www.hek.de/leistungen');
      return Response.json({ conversationId });
    }
    default:
      return Response.json({ error: 'action' }, { status: 400 });
  }
}
