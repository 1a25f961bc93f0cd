import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { markConversationRead, postMemberMessage, postStaffAnswer, startConversation } from '@/lib/messages/commands';
import { getConversation, listConversations } from '@/lib/messages/queries';
import { memberBadges } from '@/lib/navigation/badges';
import { createStaffWithSession } from '@/lib/testing/staff';
import { createMember } from '../../helpers/members';

const meta = { ip: null, userAgent: 'vitest' };

async function conversationOf(memberId: string) {
  return startConversation(memberId, { topic: 'BENEFITS', subject: 'Frage zur Zahnreinigung', body: 'Übernehmen Sie die Kosten?', idempotencyKey: crypto.randomUUID() }, meta);
}

describe('messenger', () => {
  it('opens a conversation once per form, answered by the service and then read by the member', async () => {
    const { member } = await createMember();
    const input = { topic: 'GENERAL' as const, subject: 'Adresse', body: 'Hallo', idempotencyKey: crypto.randomUUID() };
    const first = await startConversation(member.id, input, meta);
    expect(await startConversation(member.id, input, meta)).toEqual(first);
    expect(await prisma.conversation.count({ where: { memberId: member.id } })).toBe(1);

    await postStaffAnswer(await createStaffWithSession({ name: 'Frau Petersen' }), first.conversationId, 'Gern, siehe https://www.hek.de');
    expect((await memberBadges(member.id)).conversations).toBe(1);
    expect((await listConversations(member.id))[0]).toMatchObject({ status: 'ANSWERED', unreadByMember: true });
    expect(await markConversationRead(member.id, first.conversationId)).toBe(true);
    expect((await memberBadges(member.id)).conversations).toBe(0);

    const key = crypto.randomUUID();
    expect(await postMemberMessage(member.id, { conversationId: first.conversationId, body: 'Danke!', idempotencyKey: key })).toBe(true);
    expect(await postMemberMessage(member.id, { conversationId: first.conversationId, body: 'Danke!', idempotencyKey: key })).toBe(true);
    const conversation = await getConversation(member.id, first.conversationId);
    expect(conversation!.status).toBe('OPEN');
    expect(conversation!.messages.map((m) => [m.authorType, m.body])).toEqual([
      ['MEMBER', 'Hallo'],
      ['STAFF', 'Gern, siehe https://www.hek.de'],
      ['MEMBER', 'Danke!'],
    ]);
  });

  it("does not let a member read, mark or write into another member's conversation", async () => {
    const { member: owner } = await createMember();
    const { member: intruder } = await createMember();
    const { conversationId } = await conversationOf(owner.id);
    await postStaffAnswer(await createStaffWithSession({ name: 'Herr Lange' }), conversationId, 'Antwort');

    expect(await getConversation(intruder.id, conversationId)).toBeNull();
    expect(await markConversationRead(intruder.id, conversationId)).toBe(false);
    expect(await postMemberMessage(intruder.id, { conversationId, body: 'Hallo?', idempotencyKey: crypto.randomUUID() })).toBe(false);
    expect(await listConversations(intruder.id)).toEqual([]);
    const own = await getConversation(owner.id, conversationId);
    expect(own!.messages).toHaveLength(2);
    expect(own!.unreadByMember).toBe(true);
  });

  it('does not take new messages into a closed conversation', async () => {
    const { member } = await createMember();
    const { conversationId } = await conversationOf(member.id);
    await prisma.conversation.update({ where: { id: conversationId }, data: { status: 'CLOSED' } });
    expect(await postMemberMessage(member.id, { conversationId, body: 'Noch was', idempotencyKey: crypto.randomUUID() })).toBe(false);
  });
});
