import 'server-only';
import crypto from 'node:crypto';
import { prisma } from '@/lib/db';

// Issued documents (certificates, health cards) are rendered once and kept as a StoredFile with their
// SHA-256: a download returns the bytes that were issued, whatever changed since in the member's data,
// the templates or the renderer.

export type StoredPdf = { id: string; pdf: Uint8Array<ArrayBuffer>; sha256: string };

export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** A rendered PDF ready to store: its id, bytes and hash, and the create operation for a batch transaction. */
export function pdfToStore(memberId: string, rendered: Uint8Array) {
  const id = crypto.randomUUID();
  const pdf = new Uint8Array(rendered);
  const sha256 = sha256Hex(pdf);
  const create = prisma.storedFile.create({ data: { id, memberId, contentType: 'application/pdf', size: pdf.byteLength, sha256, data: pdf }, select: { id: true } });
  return { id, pdf, sha256, create };
}

/** The stored document with this id, or null. */
export async function loadStoredPdf(id: string): Promise<StoredPdf | null> {
  const file = await prisma.storedFile.findUnique({ where: { id }, select: { id: true, data: true, sha256: true } });
  return file ? { id: file.id, pdf: new Uint8Array(file.data), sha256: file.sha256 } : null;
}

/**
 * Stores a rendered document for a record that has none yet (one issued before documents were kept),
 * exactly once: `attach` sets the record's documentId only where it is still null and returns how
 * many rows it changed. If another request attached one first, this copy is dropped and theirs returned.
 */
export async function storeOnce(memberId: string, rendered: Uint8Array, attach: (documentId: string) => Promise<number>, current: () => Promise<string | null>): Promise<StoredPdf> {
  const stored = pdfToStore(memberId, rendered);
  await stored.create;
  if ((await attach(stored.id)) === 1) return stored;
  await prisma.storedFile.delete({ where: { id: stored.id } });
  const winner = await current();
  const file = winner ? await loadStoredPdf(winner) : null;
  if (!file) throw new Error('Issued document vanished while it was being stored.');
  return file;
}
