'use server';

import { notFound, redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { requestMeta } from '@/lib/http/request-meta';
import { requireSmartMember } from '@/lib/auth/access';
import { postMemberMessage, startConversation } from '@/lib/messages/commands';
import { messageSchema, newConversationSchema } from '@/lib/messages/schema';

export type MessageFormState = { message?: string; errors?: Record<string, string[] | undefined> };

export async function startConversationAction(_previous: MessageFormState, formData: FormData): Promise<MessageFormState> {
  const { memberId } = await requireSmartMember();
  const parsed = newConversationSchema.safeParse({
    topic: formData.get('topic'),
    subject: formData.get('subject') ?? '',
    body: formData.get('body') ?? '',
    idempotencyKey: formData.get('idempotencyKey'),
  });
  if (!parsed.success) return { errors: parsed.error.flatten().fieldErrors, message: 'form.failed' };
  const { conversationId } = await startConversation(memberId, parsed.data, await requestMeta());
  revalidatePath('/nachrichten', 'layout');
  redirect(`/nachrichten/${conversationId}`);
}

export async function postMessageAction(_previous: MessageFormState, formData: FormData): Promise<MessageFormState> {
  const { memberId } = await requireSmartMember();
  const parsed = messageSchema.safeParse({ conversationId: formData.get('conversationId'), body: formData.get('body') ?? '', idempotencyKey: formData.get('idempotencyKey') });
  if (!parsed.success) return { errors: parsed.error.flatten().fieldErrors, message: 'form.failed' };
  if (!(await postMemberMessage(memberId, parsed.data))) notFound();
  revalidatePath('/nachrichten', 'layout');
  // A fresh page gives the form a new idempotency key for the next message.
  redirect(`/nachrichten/${parsed.data.conversationId}#ende`);
}
