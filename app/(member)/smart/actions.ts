'use server';

import { redirect } from 'next/navigation';
import type { SmartSwitchState } from '@/components/identity/SmartSwitchForm';
import { requireMember } from '@/lib/auth/session';
import { requestMeta } from '@/lib/http/request-meta';
import { startIdentification } from '@/lib/identity/identification';

/** "Weiter": checks the form and sends the member to the chosen identity provider. */
export async function startSmartSwitch(values: unknown): Promise<SmartSwitchState> {
  const { memberId, sessionId } = await requireMember();
  const result = await startIdentification(values, { memberId, sessionId }, await requestMeta());
  if (result.ok) redirect(result.redirectTo);
  if (result.error === 'rate_limited') {
    return { message: 'rate_limited', retryAt: new Date(Date.now() + result.retryAfterSeconds * 1000).toISOString() };
  }
  return { message: result.error, errors: result.error === 'invalid_input' ? result.fieldErrors : undefined };
}
