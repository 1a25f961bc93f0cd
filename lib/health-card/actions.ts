'use server';

import { revalidatePath } from 'next/cache';
import { notFound } from 'next/navigation';
import { smartAccess } from '@/lib/auth/access';
import { requireMember } from '@/lib/auth/session';
import { requestMeta } from '@/lib/http/request-meta';
import { orderHealthCard, requestReplacement, sendReplacementByEmail } from './commands';
import type { OrderHealthCardInput, SendReplacementInput } from './schema';

// Thin endpoints: each checks its caller, then calls the domain function with the member's id.

const PAGE = '/profil/gesundheitskarte';

async function smartMember() {
  const session = await requireMember();
  return smartAccess(session).ok ? session : null;
}

export type RequestState = { ok: true; cardId: string } | { ok: false; message: string };

export async function requestReplacementAction(input: { requestKey: string }): Promise<RequestState> {
  const session = await smartMember();
  if (!session) return { ok: false, message: 'errors.unknown' };
  const result = await requestReplacement(session.memberId, input, await requestMeta());
  revalidatePath(PAGE);
  if (result.status === 'created' || result.status === 'existing') return { ok: true, cardId: result.cardId };
  return { ok: false, message: result.status === 'limit_reached' ? 'limit' : 'errors.retry' };
}

export type SendState = { ok: true; to: string } | { ok: false; errors: Record<string, string[] | undefined>; message: string };

export async function sendReplacementAction(input: SendReplacementInput): Promise<SendState> {
  const session = await smartMember();
  if (!session) return { ok: false, errors: {}, message: 'errors.unknown' };
  const result = await sendReplacementByEmail(session.memberId, input, await requestMeta());
  if (result.status === 'not_found') notFound();
  if (result.status === 'sent') return { ok: true, to: result.to };
  if (result.status === 'invalid') return { ok: false, errors: result.fieldErrors, message: 'errors.email' };
  return { ok: false, errors: {}, message: `errors.${result.status}` };
}

export type OrderState = { ok: true } | { ok: false; message: string };

export async function orderHealthCardAction(input: OrderHealthCardInput): Promise<OrderState> {
  const session = await smartMember();
  if (!session) return { ok: false, message: 'errors.unknown' };
  const result = await orderHealthCard(session.memberId, input, await requestMeta());
  revalidatePath(PAGE);
  return result.status === 'invalid' ? { ok: false, message: 'errors.reason' } : { ok: true };
}
