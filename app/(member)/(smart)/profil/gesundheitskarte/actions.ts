'use server';

import { revalidatePath } from 'next/cache';
import { notFound } from 'next/navigation';
import { requireSmartMember } from '@/lib/auth/access';
import { requestMeta } from '@/lib/http/request-meta';
import { orderHealthCard, requestReplacement, sendReplacementByEmail } from '@/lib/health-card/commands';
import type { OrderHealthCardInput, SendReplacementInput } from '@/lib/health-card/schema';

// Thin endpoints: each checks its caller, then calls the domain function with the member's id.

const PAGE = '/profil/gesundheitskarte';

export type RequestState = { ok: true; cardId: string } | { ok: false; message: 'limit' | 'still_valid' | 'errors.retry' };

export async function requestReplacementAction(input: { requestKey: string; replaceValid?: boolean }): Promise<RequestState> {
  const session = await requireSmartMember();
  const result = await requestReplacement(session.memberId, { requestKey: String(input?.requestKey ?? ''), replaceValid: input?.replaceValid === true }, await requestMeta());
  revalidatePath(PAGE);
  if (result.status === 'created' || result.status === 'existing' || result.status === 'in_progress') return { ok: true, cardId: result.cardId };
  if (result.status === 'still_valid') return { ok: false, message: 'still_valid' };
  return { ok: false, message: result.status === 'limit_reached' ? 'limit' : 'errors.retry' };
}

export type SendState = { ok: true; to: string } | { ok: false; errors: Record<string, string[] | undefined>; message: string };

export async function sendReplacementAction(input: SendReplacementInput): Promise<SendState> {
  const session = await requireSmartMember();
  const result = await sendReplacementByEmail(session.memberId, input, await requestMeta());
  if (result.status === 'not_found') notFound();
  if (result.status === 'sent') return { ok: true, to: result.to };
  if (result.status === 'invalid') return { ok: false, errors: result.fieldErrors, message: 'errors.email' };
  return { ok: false, errors: {}, message: `errors.${result.status}` };
}

export type OrderState = { ok: true } | { ok: false; message: string };

export async function orderHealthCardAction(input: OrderHealthCardInput): Promise<OrderState> {
  const session = await requireSmartMember();
  const result = await orderHealthCard(session.memberId, input, await requestMeta());
  revalidatePath(PAGE);
  return result.status === 'invalid' ? { ok: false, message: 'errors.reason' } : { ok: true };
}
