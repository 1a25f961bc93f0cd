import { describe, expect, it } from 'vitest';
import { listFilterSchema, replySchema, submissionSchema } from '@/lib/mailbox/schema';
import { decodeCursor } from '@/lib/mailbox/queries';
import { messageSchema, newConversationSchema } from '@/lib/messages/schema';

const id = '0b0e5d7e-5a4c-4a63-9f0e-6d3f2a1b9c01';
const key = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('free text with a NUL (U+0000) or another control character', () => {
  it.each([
    ['a reply', () => replySchema.safeParse({ letterId: id, text: 'Guten Tag\u0000', idempotencyKey: key })],
    ['a submission', () => submissionSchema.safeParse({ category: 'GENERAL', subject: 'Betreff\u0000', text: 'x', idempotencyKey: key })],
    ['a conversation', () => newConversationSchema.safeParse({ topic: 'GENERAL', subject: 'Frage', body: 'a\u0007b', idempotencyKey: key })],
    ['a message', () => messageSchema.safeParse({ conversationId: id, body: '\u0000', idempotencyKey: key })],
  ])('is refused in %s with the catalogue message', (_, parse) => {
    const result = parse();
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain('validation.controlCharacters');
  });

  it('keeps line breaks and tabs', () => {
    expect(replySchema.safeParse({ letterId: id, text: 'Zeile 1\r\nZeile 2\tEnde', idempotencyKey: key }).success).toBe(true);
  });

  it('makes the Postfach search and cursor fall back to none', () => {
    expect(listFilterSchema.parse({ q: 'Beitrag\u0000', cursor: 'x\u0000' })).toMatchObject({ q: undefined, cursor: undefined });
  });
});

describe('a Postfach cursor with a year PostgreSQL cannot compare', () => {
  it.each(['0000-01-01T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '+275760-09-13T00:00:00.000Z'])('%s is no cursor', (iso) => {
    expect(decodeCursor(Buffer.from(`${iso}|${id}`).toString('base64url'))).toBeNull();
  });
  it('a real one still is', () => {
    expect(decodeCursor(Buffer.from(`2026-11-30T10:00:00.000Z|${id}`).toString('base64url'))).toMatchObject({ id });
  });
});
