import 'server-only';
import { notFound } from 'next/navigation';
import { requireMember, type ActiveSession } from './session';

export type SmartAccess = { ok: true } | { ok: false; reason: 'basic' | 'device' };

/**
 * Whether the session may open smart features (Postfach, insurance data, certificates, …): the member
 * must be identified as smart, and this session must have been verified by a browser bound to the member
 * ('device' when it is missing or was removed), as the app requires a bound device.
 */
export function smartAccess(session: ActiveSession): SmartAccess {
  if (session.member.level !== 'SMART') return { ok: false, reason: 'basic' };
  // Staff in an "Ansicht als Mitglied" see the smart pages read-only without a bound browser of their own.
  if (!session.boundDeviceId && !session.impersonation) return { ok: false, reason: 'device' };
  return { ok: true };
}

/**
 * The guard of every smart page, server action and route handler: the logged-in member with smart access
 * in this session. Anyone else gets the same 404 as for an id that is not theirs; pages never show it,
 * because the (smart) route group's layout renders the gate first.
 */
export async function requireSmartMember(): Promise<ActiveSession> {
  const session = await requireMember();
  if (!smartAccess(session).ok) notFound();
  return session;
}
