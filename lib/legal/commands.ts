import 'server-only';
import { prisma } from '@/lib/db';
import { registerFailure } from '@/lib/auth/rate-limit';
import type { RequestMeta } from '@/lib/http/request-meta';
import { accessibilityFeedbackSchema } from './schema';

export type FeedbackResult =
  | { status: 'received'; id: string }
  | { status: 'invalid'; fieldErrors: Record<string, string[] | undefined> }
  | { status: 'rate_limited' };

const REPORTS_PER_HOUR = 10;

/**
 * Puts a barrier report into the support queue (AccessibilityFeedback, status NEW), from a member or a
 * visitor. The form's key makes a double submit one report; an address may send ten an hour. The text
 * is the reporter's and may say anything: it is stored, never logged.
 */
export async function submitAccessibilityFeedback(
  input: unknown,
  from: { memberId: string | null; locale: string },
  meta: RequestMeta,
): Promise<FeedbackResult> {
  const parsed = accessibilityFeedbackSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid', fieldErrors: parsed.error.flatten().fieldErrors };
  const { requestKey, ...report } = parsed.data;
  const existing = await prisma.accessibilityFeedback.findUnique({ where: { id: requestKey }, select: { id: true } });
  if (existing) return { status: 'received', id: existing.id };
  const limit = await registerFailure(`a11y-feedback:${from.memberId ?? meta.ip ?? 'unknown'}`, REPORTS_PER_HOUR + 1, 3600);
  if (limit.limited) return { status: 'rate_limited' };
  const row = await prisma.accessibilityFeedback.upsert({
    where: { id: requestKey },
    create: { id: requestKey, memberId: from.memberId, locale: from.locale, ...report },
    update: {},
    select: { id: true },
  });
  return { status: 'received', id: row.id };
}
