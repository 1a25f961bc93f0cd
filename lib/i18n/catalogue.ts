import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from './config';

type Messages = Record<string, unknown>;

// One JSON file per domain and language (lib/i18n/messages/<locale>/<namespace>.json), so that
// each capability keeps its texts beside the others without editing a shared file.
const cache = new Map<Locale, Messages>();

export function messagesDir(): string {
  return path.join(process.cwd(), 'lib', 'i18n', 'messages');
}

export function loadMessages(locale: Locale): Messages {
  const cached = cache.get(locale);
  if (cached && process.env.NODE_ENV === 'production') return cached;
  const dir = path.join(messagesDir(), locale);
  const messages: Messages = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    messages[path.basename(file, '.json')] = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  }
  cache.set(locale, messages);
  return messages;
}
