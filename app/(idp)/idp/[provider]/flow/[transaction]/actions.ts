'use server';

import { requestMeta } from '@/lib/http/request-meta';
import { finishTransaction, submitEidPin, unblockWithPuk, type FinishChoice, type FinishResult, type PinResult, type PukResult } from '@/lib/identity/simulator/flow';
import { simulatedProvider } from '@/lib/identity/simulator/guard';

// The simulated provider has no member session: the transaction id (random, short-lived) is the caller's
// credential, and the flow functions accept only open transactions of the named provider.

export async function finish(provider: string, transactionId: string, choice: FinishChoice): Promise<FinishResult> {
  const id = simulatedProvider(provider);
  if (!id) return { ok: false, error: 'expired' };
  return finishTransaction(id, String(transactionId), choice);
}

export async function enterPin(transactionId: string, pin: string): Promise<PinResult> {
  if (!simulatedProvider('eid')) return { status: 'expired' };
  return submitEidPin(String(transactionId), String(pin), await requestMeta());
}

export async function enterPuk(transactionId: string, puk: string): Promise<PukResult> {
  if (!simulatedProvider('eid')) return 'expired';
  return unblockWithPuk(String(transactionId), String(puk), await requestMeta());
}
