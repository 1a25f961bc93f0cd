'use server';

import { getLocale } from 'next-intl/server';
import { getSession } from '@/lib/auth/session';
import { requestMeta } from '@/lib/http/request-meta';
import { submitAccessibilityFeedback } from '@/lib/legal/commands';

type Typed = Record<'name' | 'email' | 'page' | 'message', string>;

/** A refusal carries back what was typed: React resets a form after its action, the fields refill from it. */
export type FeedbackState = { ok: true } | { ok: false; message: 'failed' | 'rateLimited'; errors?: Record<string, string[] | undefined>; values: Typed } | null;

/** Open to everyone (the statement must be usable without an account); a logged-in member is recorded. */
export async function submitFeedbackAction(_previous: FeedbackState, formData: FormData): Promise<FeedbackState> {
  const session = await getSession();
  const input = Object.fromEntries(['name', 'email', 'page', 'message', 'requestKey'].map((k) => [k, String(formData.get(k) ?? '')]));
  const result = await submitAccessibilityFeedback(input, { memberId: session.status === 'active' ? session.memberId : null, locale: await getLocale() }, await requestMeta());
  if (result.status === 'received') return { ok: true };
  const values: Typed = { name: input.name ?? '', email: input.email ?? '', page: input.page ?? '', message: input.message ?? '' };
  if (result.status === 'rate_limited') return { ok: false, message: 'rateLimited', values };
  return { ok: false, message: 'failed', errors: result.fieldErrors, values };
}
