import 'server-only';
import { smartAccess } from '@/lib/auth/access';
import { getSession } from '@/lib/auth/session';
import { unreadLetterCount } from './queries';

/** The navigation's Postfach badge: unread letters of the current smart member, otherwise none. */
export async function unreadLettersForNav(): Promise<number> {
  const session = await getSession();
  if (session.status !== 'active' || !smartAccess(session).ok) return 0;
  return unreadLetterCount(session.memberId);
}
