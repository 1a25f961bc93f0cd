import 'server-only';
import { isProviderId, simulatorsEnabled, type ProviderId } from '../config';

/** The simulators exist only while IDP_SIMULATORS is on, and only for the three known providers. */
export function simulatedProvider(value: string): ProviderId | null {
  return simulatorsEnabled() && isProviderId(value) ? value : null;
}
