import 'server-only';
import { notFound } from 'next/navigation';
import { smartAccess } from '@/lib/auth/access';
import { requireMember } from '@/lib/auth/session';

/**
 * For actions and routes of the Postfach and the messenger: the logged-in member, who must have smart
 * access. Anyone else gets the same 404 as for an id that is not theirs.
 */
export async function requireSmartMember() {
  const session = await requireMember();
  if (!smartAccess(session).ok) notFound();
  return session;
}
