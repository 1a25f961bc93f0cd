import { z } from 'zod';

// Control characters other than tab, line feed and carriage return: U+0000 cannot be stored in PostgreSQL
// text at all (error 22021, a 500), and the others have no place in what a member writes.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Whether a text holds a control character that a form must refuse. */
export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value);
}

/**
 * A member's free text (reply, submission, message, subject, search): refused with the catalogue key
 * `message` (a German text such as "Der Text enthält unzulässige Steuerzeichen") when it holds a control
 * character. Shared by the forms and their server actions, like every schema.
 */
export function safeText(message = 'validation.controlCharacters') {
  return z.string().refine((value) => !hasControlCharacters(value), { message, abort: true });
}
