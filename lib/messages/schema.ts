import { z } from 'zod';
import { safeText } from '@/lib/security/safe-text';
import { conversationTopics } from './choices';

export { conversationTopics };

// Shared by the messenger forms and their server actions; messages are keys of the "messenger" catalogue.

const body = safeText().trim().min(1, 'validation.textRequired').max(5000, 'validation.textTooLong');

export const newConversationSchema = z.object({
  topic: z.enum(conversationTopics, 'validation.topicRequired'),
  subject: safeText().trim().min(1, 'validation.subjectRequired').max(200, 'validation.subjectTooLong'),
  body,
  idempotencyKey: z.uuid('validation.form'),
});
export type NewConversationInput = z.input<typeof newConversationSchema>;

export const messageSchema = z.object({
  conversationId: z.uuid('validation.form'),
  body,
  idempotencyKey: z.uuid('validation.form'),
});
export type MessageInput = z.input<typeof messageSchema>;
