/** A piece of a message: plain text, or a web address to show as a link. */
export type MessagePart = { type: 'text'; text: string } | { type: 'link'; text: string; href: string };

// Addresses with an explicit http(s) scheme only; trailing punctuation belongs to the sentence.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]}»“”'"]+$/;

/**
 * Splits a plain-text message into text and links. The caller renders both as React text (never as
 * HTML), so nothing in a message can run; only http and https become links.
 */
export function linkify(message: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let last = 0;
  for (const match of message.matchAll(URL_PATTERN)) {
    const raw = match[0].replace(TRAILING, '');
    const start = match.index;
    let href: string | null = null;
    try {
      const url = new URL(raw);
      if (url.protocol === 'http:' || url.protocol === 'https:') href = url.href;
    } catch {
      href = null;
    }
    if (!href) continue;
    if (start > last) parts.push({ type: 'text', text: message.slice(last, start) });
    parts.push({ type: 'link', text: raw, href });
    last = start + raw.length;
  }
  if (last < message.length) parts.push({ type: 'text', text: message.slice(last) });
  return parts;
}
