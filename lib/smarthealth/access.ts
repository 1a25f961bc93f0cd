import 'server-only';
import { notFound } from 'next/navigation';
import { requireSmartMember, smartAccess } from '@/lib/auth/access';
import { requireMember, type ActiveSession } from '@/lib/auth/session';

export type SmarthealthAccess = { ok: true } | { ok: false; reason: 'basic' | 'device' | 'locked' };

/**
 * smarthealth opens only for a smart member (in a bound browser) whose identity was proven at the
 * assurance level "hoch" (eID or GesundheitsID): `Member.smarthealthUnlocked`. Robo-Ident gives smart
 * only, so a Robo-Ident member is 'locked'.
 */
export function smarthealthAccess(session: ActiveSession): SmarthealthAccess {
  const smart = smartAccess(session);
  if (!smart.ok) return smart;
  return session.member.smarthealthUnlocked ? { ok: true } : { ok: false, reason: 'locked' };
}

/** The guard of every smarthealth route handler and action: anyone else gets the 404 of a missing page. */
export async function requireSmarthealthMember(): Promise<ActiveSession> {
  const session = await requireSmartMember();
  if (!smarthealthAccess(session).ok) notFound();
  return session;
}

/** For the page: the session and whether it may see the data (else the page explains how to unlock). */
export async function smarthealthPageSession() {
  const session = await requireMember();
  return { session, access: smarthealthAccess(session) };
}
