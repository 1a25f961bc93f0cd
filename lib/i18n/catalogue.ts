import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import compile from 'icu-minify/compile';
import type { Locale } from './config';

type Messages = Record<string, unknown>;

// One JSON file per domain and language (lib/i18n/messages/<locale>/<namespace>.json), so that
// each capability keeps its texts beside the others without editing a shared file.
const cache = new Map<Locale, Messages>();

/**
 * Inside the Next.js build the message formatter is use-intl's format-only runtime (next.config.js aliases
 * `use-intl/format-message`), so that no page ships an ICU parser to the browser: messages are compiled
 * here, once per process, with icu-minify. Scripts and tests run the full formatter on the catalogue as
 * written. next.config.js sets INTL_PRECOMPILED for the build; it is inlined there and unset elsewhere.
 */
export const messagesPrecompiled = process.env.INTL_PRECOMPILED === '1';

export function messagesDir(): string {
  return path.join(process.cwd(), 'lib', 'i18n', 'messages');
}

/** The catalogue of one language as the portal's formatter reads it (see `messagesPrecompiled`). */
export function loadMessages(locale: Locale): Messages {
  const cached = cache.get(locale);
  if (cached && process.env.NODE_ENV === 'production') return cached;
  const raw = readCatalogue(locale);
  // icu-minify builds a plural's options as null-prototype objects, which React cannot pass to client
  // components; through JSON they are plain objects.
  const messages = messagesPrecompiled ? (JSON.parse(JSON.stringify(compileTree(raw, locale))) as Messages) : raw;
  cache.set(locale, messages);
  return messages;
}

function readCatalogue(locale: Locale): Messages {
  const dir = path.join(messagesDir(), locale);
  const messages: Messages = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    messages[path.basename(file, '.json')] = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  }
  return messages;
}

function compileTree(node: unknown, at: string): unknown {
  if (typeof node === 'string') {
    try {
      return compile(node);
    } catch (error) {
      throw new Error(`Message ${at} is not valid ICU: ${(error as Error).message}`);
    }
  }
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, compileTree(value, `${at}.${key}`)]));
  }
  return node;
}
