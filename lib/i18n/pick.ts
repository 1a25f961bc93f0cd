type Messages = Record<string, unknown>;

/**
 * The part of a catalogue that client components below one layout use: whole namespaces ("mailbox") or
 * parts of one ("security.passkeys"). Server components read every message on the server; only what is
 * picked here is sent to the browser.
 */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const picked: Messages = {};
  for (const path of paths) {
    const keys = path.split('.');
    let source: unknown = messages;
    for (const key of keys) source = source && typeof source === 'object' ? (source as Messages)[key] : undefined;
    if (source === undefined) throw new Error(`No messages at "${path}" to send to the browser.`);
    let target = picked;
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Messages;
    target[keys.at(-1) as string] = source;
  }
  return picked;
}
