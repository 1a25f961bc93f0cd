import 'server-only';
import type { ActiveSession } from './session';

export type SmartAccess = { ok: true } | { ok: false; reason: 'basic' | 'device' };

/**
 * Whether the session may open smart features (Postfach, insurance data, certificates, …): the member
 * must be identified as smart, and this session must have been verified by a browser bound to the member
 * ('device' when it is missing or was removed), as the app requires a bound device.
 */
export function smartAccess(session: ActiveSession): SmartAccess {
  if (session.member.level !== 'SMART') return { ok: false, reason: 'basic' };
  if (!session.boundDeviceId) return { ok: false, reason: 'device' };
  return { ok: true };
}
