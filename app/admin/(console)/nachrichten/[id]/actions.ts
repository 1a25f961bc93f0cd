'use server';

import { redirect } from 'next/navigation';
import { requestMeta } from '@/lib/http/request-meta';
import { messengerQueue } from '@/lib/admin/queues';
import { requireStaff } from '@/lib/staff/session';

export type AnswerState = { message?: string; errors?: Record<string, string[] | undefined>; body?: string };

export async function answerConversationAction(_previous: AnswerState, formData: FormData): Promise<AnswerState> {
  const session = await requireStaff();
  const input = { conversationId: formData.get('conversationId'), body: formData.get('body') ?? '' };
  const result = await messengerQueue.answer(session, input, await requestMeta());
  if (!result.ok) return { message: 'failed', errors: result.errors, body: typeof input.body === 'string' ? input.body : '' };
  redirect(`/admin/nachrichten/${String(input.conversationId)}?gesendet=1`);
}
