'use server';

import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { getTranslations } from 'next-intl/server';
import { requireMember } from '@/lib/auth/session';
import { confirmStepUpWithPassword, confirmStepUpWithPasskey, stepUpMethods, stepUpPasskeyOptions, type StepUpResult } from '@/lib/auth/step-up';
import { requestMeta } from '@/lib/http/request-meta';

// The endpoints of components/security/StepUpPrompt.tsx: the confirmation with a second factor that
// security changes need (lib/auth/step-up.ts).

export type StepUpAnswer = { ok: true } | { ok: false; message: string };

export async function stepUpMethodsAction(): Promise<{ passkey: boolean; password: boolean }> {
  const session = await requireMember();
  const { passkey, password } = await stepUpMethods(session);
  return { passkey, password };
}

export async function stepUpOptionsAction(): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  return stepUpPasskeyOptions(await requireMember());
}

export async function stepUpPasskeyAction(response: unknown): Promise<StepUpAnswer> {
  const session = await requireMember();
  return answer(await confirmStepUpWithPasskey(session, response, await requestMeta()));
}

export async function stepUpPasswordAction(password: string): Promise<StepUpAnswer> {
  const session = await requireMember();
  return answer(await confirmStepUpWithPassword(session, password, await requestMeta()));
}

async function answer(result: StepUpResult): Promise<StepUpAnswer> {
  if (result.ok) return result;
  const t = await getTranslations('stepUp.errors');
  if (result.error === 'rate_limited') return { ok: false, message: t('rate_limited', { minutes: Math.ceil(result.retryAfterSeconds / 60) }) };
  return { ok: false, message: t(result.error) };
}
