import 'server-only';
import { smartAccess } from '@/lib/auth/access';
import { getSession } from '@/lib/auth/session';
import { memberBadges } from '@/lib/navigation/badges';

/** The navigation's Messenger badge: conversations with an unread answer, for a smart member only. */
export async function unreadConversationsForNav(): Promise<number> {
  const session = await getSession();
  if (session.status !== 'active' || !smartAccess(session).ok) return 0;
  return (await memberBadges(session.memberId)).conversations;
}
