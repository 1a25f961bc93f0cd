import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { setAppCommunication } from '@/lib/mailbox/app-communication';
import { archiveLetter, markLetterRead } from '@/lib/mailbox/commands';
import { deliverLetter } from '@/lib/mailbox/deliver';
import { getLetter } from '@/lib/mailbox/queries';
import { templateDelivery } from '@/lib/mailbox/templates';
import { markConversationRead, postStaffAnswer, startConversation } from '@/lib/messages/commands';
import type { ActiveSession } from '@/lib/auth/session';
import { frameBadges, memberBadges } from '@/lib/navigation/badges';
import { markNotificationsRead, notifySecurityEvent } from '@/lib/security/notices';
import { createStaffWithSession } from '@/lib/testing/staff';
import { createMember } from '../../helpers/members';

const meta = { ip: '203.0.113.9', userAgent: 'vitest' };

async function smartMemberWithPostfach() {
  const { member } = await createMember({ level: 'SMART' });
  await setAppCommunication(member.id, true, 'settings', meta);
  return member;
}

async function deliver(memberId: string) {
  const { letterId } = await deliverLetter({ memberId, ...templateDelivery('fehlende-unterlagen') });
  return letterId;
}

async function answeredConversation(memberId: string) {
  const { conversationId } = await startConversation(memberId, { topic: 'GENERAL', subject: 'Adresse', body: 'Hallo', idempotencyKey: crypto.randomUUID() }, meta);
  expect(await postStaffAnswer(await createStaffWithSession(), conversationId, 'Gern geschehen')).toBe(true);
  return conversationId;
}

describe('member badges', () => {
  it('count unread Posteingang letters, answered conversations and security notices until the member reads them', async () => {
    const member = await smartMemberWithPostfach();
    expect(await memberBadges(member.id)).toEqual({ letters: 0, conversations: 0, notifications: 0 });

    const read = await deliver(member.id);
    await deliver(member.id);
    const archived = await deliver(member.id);
    expect(await markLetterRead(member.id, read, true)).toBe(true);
    expect(await archiveLetter(member.id, archived, true)).toBe(true);
    expect(await getLetter(member.id, archived)).toMatchObject({ folder: 'ARCHIVE', readAt: null });
    expect(await memberBadges(member.id)).toEqual({ letters: 1, conversations: 0, notifications: 0 });

    const conversationId = await answeredConversation(member.id);
    await notifySecurityEvent(member.id, 'new_device', meta, { name: 'Safari auf macOS' });
    expect(await memberBadges(member.id)).toEqual({ letters: 1, conversations: 1, notifications: 1 });

    expect(await markConversationRead(member.id, conversationId)).toBe(true);
    expect(await memberBadges(member.id)).toEqual({ letters: 1, conversations: 0, notifications: 1 });
    await markNotificationsRead(member.id);
    expect(await memberBadges(member.id)).toEqual({ letters: 1, conversations: 0, notifications: 0 });
  });

  it("never count another member's unread letters, conversations or notices", async () => {
    const member = await smartMemberWithPostfach();
    const other = await smartMemberWithPostfach();
    await deliver(other.id);
    await answeredConversation(other.id);
    await notifySecurityEvent(other.id, 'password_changed', meta);

    expect(await memberBadges(other.id)).toEqual({ letters: 1, conversations: 1, notifications: 1 });
    expect(await memberBadges(member.id)).toEqual({ letters: 0, conversations: 0, notifications: 0 });
  });

  it('show the Postfach and Messenger marks in the frame only with smart access in the session, the bell always', async () => {
    const member = await smartMemberWithPostfach();
    await deliver(member.id);
    await answeredConversation(member.id);
    await notifySecurityEvent(member.id, 'new_device', meta, { name: 'Safari auf macOS' });
    // Only what smartAccess() reads of a session: the member's level and the bound browser.
    const session = (boundDeviceId: string | null) => ({ memberId: member.id, member, boundDeviceId }) as unknown as ActiveSession;

    expect(await frameBadges(session(crypto.randomUUID()))).toEqual({ letters: 1, conversations: 1, notifications: 1 });
    expect(await frameBadges(session(null))).toEqual({ letters: 0, conversations: 0, notifications: 1 });
  });
});
