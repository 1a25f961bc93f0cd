import { renderLetterPdf } from '@/lib/mailbox/letter-pdf';

// Small real files for the upload tests: the checks look at the bytes.
export const pdfBytes = () =>
  new Uint8Array(
    renderLetterPdf({ recipient: { name: 'A', street: 'B', city: 'C' }, kvnr: 'A000000000', date: new Date(), subject: 'Test', salutation: 'Hallo,', paragraphs: ['Text'] }),
  );
// A 1×1 pixel PNG.
export const pngBytes = () => new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
export const jpegBytes = (): Uint8Array<ArrayBuffer> => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
// The start of a Linux executable (ELF) and of a Windows one (MZ … PE).
export const elfBytes = (): Uint8Array<ArrayBuffer> => new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, ...new Array(120).fill(0)]);
export function exeBytes(): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(512);
  bytes.set([0x4d, 0x5a]);
  bytes.set([0x80, 0x00, 0x00, 0x00], 0x3c);
  bytes.set([0x50, 0x45, 0x00, 0x00], 0x80);
  return bytes;
}
