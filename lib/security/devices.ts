import 'server-only';
import { requireStepUp, type StepUpCaller } from '@/lib/auth/step-up';
import { listBoundDevices, revokeBoundDevice } from '@/lib/identity/devices';
import type { RequestMeta } from '@/lib/http/request-meta';
import { notifySecurityEvent } from './notices';

/**
 * Removes one of the member's bound browsers from Profil > Sicherheit. A bound browser is the second
 * factor for smart features, so this needs a step-up; the member is told, with "Das war ich nicht".
 */
export async function removeBoundBrowser(caller: Pick<StepUpCaller, 'memberId' | 'stepUpAt'>, deviceId: string, meta: RequestMeta): Promise<'ok' | 'not_found'> {
  requireStepUp(caller);
  const { memberId } = caller;
  const device = (await listBoundDevices(memberId)).find((d) => d.id === deviceId);
  if (!device || !(await revokeBoundDevice(memberId, deviceId, meta))) return 'not_found';
  await notifySecurityEvent(memberId, 'device_removed', meta, { name: device.name });
  return 'ok';
}
