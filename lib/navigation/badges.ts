import 'server-only';
import { cache } from 'react';
import { prisma } from '@/lib/db';

export type MemberBadges = { letters: number; conversations: number; notifications: number };

/**
 * The member frame's three unread marks in one statement, once per request: letters in the Posteingang
 * (the Postfach badge and tab), conversations with an unread answer (the Messenger), and notifications (the
 * bell). Asked one by one, they were three of the statements every page view sends.
 */
export const memberBadges = cache(async (memberId: string): Promise<MemberBadges> => {
  const [row] = await prisma.$queryRaw<MemberBadges[]>`
    SELECT
      (SELECT count(*) FROM "Letter" WHERE "memberId" = ${memberId}::uuid AND "folder" = 'INBOX' AND "readAt" IS NULL)::int AS "letters",
      (SELECT count(*) FROM "Conversation" WHERE "memberId" = ${memberId}::uuid AND "unreadByMember")::int AS "conversations",
      (SELECT count(*) FROM "Notification" WHERE "memberId" = ${memberId}::uuid AND "readAt" IS NULL)::int AS "notifications"`;
  return row ?? { letters: 0, conversations: 0, notifications: 0 };
});
