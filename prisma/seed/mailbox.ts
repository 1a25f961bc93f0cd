import crypto from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { setAppCommunication } from '@/lib/mailbox/app-communication';
import { deliverLetter } from '@/lib/mailbox/deliver';
import { templateDelivery, type LetterTemplateName } from '@/lib/mailbox/templates';
import { postStaffAnswer, startConversation } from '@/lib/messages/commands';
import { createStaffWithSession } from '@/lib/testing/staff';

/** The demo's service agent who answered the seeded conversations (no passkey: she cannot log in). */
const demoServiceAgent = () => createStaffWithSession({ name: 'Frau Petersen', email: 'petersen@service.hek.example' });

const smartDemoMembers = ['S100000013', 'Y300000032', 'F400000045'];

const daysAgo = (days: number) => new Date(Date.now() - days * 86400_000);

// Oldest first, so the newest letter is the unread request for a missing document.
const letters: { template: LetterTemplateName; deliveredAt: () => Date; read: boolean }[] = [
  { template: 'beitragsinformation', deliveredAt: () => daysAgo(400), read: true },
  { template: 'mitgliedsbescheinigung', deliveredAt: () => daysAgo(120), read: true },
  { template: 'leistungsbescheid', deliveredAt: () => daysAgo(20), read: false },
  { template: 'fehlende-unterlagen', deliveredAt: () => daysAgo(2), read: false },
];

/**
 * Postfach and messenger data for the smart demo members, through the same functions the portal uses:
 * App-Kommunikation switched on as at registration, letters delivered as PDFs, and a conversation
 * the service has answered. Idempotent: a member who already has letters or conversations is left alone.
 */
export async function seedMailbox(prisma: PrismaClient): Promise<void> {
  for (const kvnr of smartDemoMembers) {
    const member = await prisma.member.findUnique({ where: { kvnr }, select: { id: true, firstName: true } });
    if (!member) continue;
    const meta = { ip: null, userAgent: 'demo-seed' };
    if ((await prisma.communicationConsent.count({ where: { memberId: member.id } })) === 0) {
      await setAppCommunication(member.id, true, 'registration', meta);
    }
    if ((await prisma.letter.count({ where: { memberId: member.id } })) === 0) {
      for (const letter of letters) {
        const { letterId } = await deliverLetter({ memberId: member.id, ...templateDelivery(letter.template, letter.deliveredAt()) });
        if (letter.read) await prisma.letter.update({ where: { id: letterId }, data: { readAt: new Date() } });
      }
    }
    if ((await prisma.conversation.count({ where: { memberId: member.id } })) === 0) {
      const { conversationId } = await startConversation(
        member.id,
        {
          topic: 'BENEFITS',
          subject: 'Professionelle Zahnreinigung',
          body: 'Guten Tag, übernimmt die HEK die Kosten für eine professionelle Zahnreinigung? Viele Grüße',
          idempotencyKey: crypto.randomUUID(),
        },
        meta,
      );
      await postStaffAnswer(
        await demoServiceAgent(),
        conversationId,
        `Guten Tag ${member.firstName}, wir beteiligen uns einmal im Kalenderjahr mit bis zu 60 Euro an einer professionellen Zahnreinigung. Reichen Sie die Rechnung einfach im Postfach unter „Dokumente einreichen“ ein. Mehr dazu: https://www.hek.de/leistungen. Viele Grüße, Ihr HEK-Service`,
      );
    }
  }
}
