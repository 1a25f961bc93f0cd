import 'server-only';
import crypto from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';

/** The kinds of file a member may send: decided by the content, and the name's extension must agree. */
const allowedTypes = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'] },
  jpg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { contentType: 'image/png', extensions: ['png'] },
} as const;

export type UploadLimits = { maxFiles: number; maxFileBytes: number };

export type UploadedFile = { name: string; bytes: Uint8Array<ArrayBuffer> };

export type CheckedFile = { fileName: string; contentType: string; size: number; sha256: string; bytes: Uint8Array<ArrayBuffer> };

export type RefusalReason = 'empty' | 'too_large' | 'type_not_allowed' | 'extension_mismatch' | 'active_content';

export type UploadCheck =
  | { ok: true; files: CheckedFile[] }
  | { ok: false; tooMany: boolean; refused: { fileName: string; reason: RefusalReason }[] };

/**
 * Checks a member's files before anything is stored. The type comes from the bytes (file-type), never
 * from the name or the browser's MIME header; a name whose extension claims another type (a PDF named
 * .png) is refused too, so that what the insurer's staff open is what the name says.
 */
export async function checkUploads(files: UploadedFile[], limits: UploadLimits): Promise<UploadCheck> {
  const refused: { fileName: string; reason: RefusalReason }[] = [];
  const checked: CheckedFile[] = [];
  for (const file of files) {
    const fileName = safeFileName(file.name);
    const reason = await refusalReason(file, fileName, limits);
    if (reason) {
      refused.push({ fileName, reason });
      continue;
    }
    const detected = await fileTypeFromBuffer(file.bytes);
    checked.push({
      fileName,
      contentType: allowedTypes[detected!.ext as keyof typeof allowedTypes].contentType, // checked in refusalReason
      size: file.bytes.byteLength,
      sha256: crypto.createHash('sha256').update(file.bytes).digest('hex'),
      bytes: file.bytes,
    });
  }
  const tooMany = files.length > limits.maxFiles;
  if (tooMany || refused.length > 0) return { ok: false, tooMany, refused };
  return { ok: true, files: checked };
}

async function refusalReason(file: UploadedFile, fileName: string, limits: UploadLimits): Promise<RefusalReason | null> {
  if (file.bytes.byteLength === 0) return 'empty';
  if (file.bytes.byteLength > limits.maxFileBytes) return 'too_large';
  const detected = await fileTypeFromBuffer(file.bytes);
  const allowed = detected && detected.ext in allowedTypes ? allowedTypes[detected.ext as keyof typeof allowedTypes] : null;
  if (!allowed) return 'type_not_allowed';
  const extension = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
  if (!(allowed.extensions as readonly string[]).includes(extension)) return 'extension_mismatch';
  if (allowed.contentType === 'application/pdf' && hasActiveContent(file.bytes)) return 'active_content';
  return null;
}

// PDF names that run code, open other programs or carry files (ISO 32000: JavaScript actions, open and
// additional actions, launch actions, embedded files). A name may spell a character as #xx.
const ACTIVE_PDF_NAMES = new Set(['javascript', 'js', 'openaction', 'aa', 'launch', 'embeddedfile', 'embeddedfiles']);
const PDF_NAME = /\/((?:[A-Za-z0-9]|#[0-9A-Fa-f]{2})+)/g;
// Markup that a browser would run if the file were ever served as HTML: a PDF/HTML polyglot.
const MARKUP = /<\s*(?:html|script|svg|iframe|object|embed)\b/i;

/**
 * Whether a PDF carries active content: a JavaScript, open, additional or launch action, an embedded
 * file, or HTML markup inside (a polyglot that starts with %PDF). Such files are refused, not forwarded
 * to the insurer's staff.
 */
export function hasActiveContent(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (MARKUP.test(text)) return true;
  for (const match of text.matchAll(PDF_NAME)) {
    const name = (match[1] ?? '').replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (ACTIVE_PDF_NAMES.has(name.toLowerCase())) return true;
  }
  return false;
}

/**
 * The name as shown and offered for download: no path, no control characters, at most 255 characters,
 * and no bidirectional controls (U+202E would show "rechnung\u202Efdp.exe" as "rechnungexe.pdf").
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return (cleaned || 'Datei').slice(-255);
}

