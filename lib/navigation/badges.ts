import 'server-only';
import { cache } from 'react';
import { smartAccess } from '@/lib/auth/access';
import type { ActiveSession } from '@/lib/auth/session';
import { readRows } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';

export type MemberBadges = { letters: number; conversations: number; notifications: number };

/**
 * The member frame's three unread marks in one statement, once per request: letters in the Posteingang
 * (the Postfach badge and tab), conversations with an unread answer (the Messenger), and notifications (the
 * bell). Asked one by one, they were three of the statements every page view sends.
 */
export const memberBadges = cache(async (memberId: string): Promise<MemberBadges> => {
  const [row] = await readRows<MemberBadges>(Prisma.sql`
    SELECT
      (SELECT count(*) FROM "Letter" WHERE "memberId" = ${memberId}::uuid AND "folder" = 'INBOX' AND "readAt" IS NULL)::int AS "letters",
      (SELECT count(*) FROM "Conversation" WHERE "memberId" = ${memberId}::uuid AND "unreadByMember")::int AS "conversations",
      (SELECT count(*) FROM "Notification" WHERE "memberId" = ${memberId}::uuid AND "readAt" IS NULL)::int AS "notifications"`);
  return row ?? { letters: 0, conversations: 0, notifications: 0 };
});

/**
 * The member frame's marks for this session: the Postfach's and the Messenger's only with smart access in
 * this session (they are smart features), the notifications' always.
 */
export async function frameBadges(session: ActiveSession): Promise<MemberBadges> {
  const badges = await memberBadges(session.memberId);
  return smartAccess(session).ok ? badges : { letters: 0, conversations: 0, notifications: badges.notifications };
}
