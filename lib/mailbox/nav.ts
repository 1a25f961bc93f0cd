import 'server-only';
import { smartAccess } from '@/lib/auth/access';
import { getSession } from '@/lib/auth/session';
import { memberBadges } from '@/lib/navigation/badges';

/** The navigation's Postfach badge: unread letters of the current smart member, otherwise none. */
export async function unreadLettersForNav(): Promise<number> {
  const session = await getSession();
  if (session.status !== 'active' || !smartAccess(session).ok) return 0;
  return (await memberBadges(session.memberId)).letters;
}
