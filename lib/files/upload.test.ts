import { describe, expect, it } from 'vitest';
import { checkUploads, safeFileName } from './upload';

const limits = { maxFiles: 5, maxFileBytes: 1024 * 1024 };
const pdf = (body: string) => new Uint8Array(Buffer.from(`%PDF-1.4\n${body}\n%%EOF\n`, 'latin1'));
const plainPdf = pdf('1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj');

describe('uploads with active content', () => {
  it('accepts a plain PDF', async () => {
    expect(await checkUploads([{ name: 'Rechnung.pdf', bytes: plainPdf }], limits)).toMatchObject({ ok: true });
  });

  it.each([
    ['/OpenAction … /JavaScript', '1 0 obj << /Type /Catalog /OpenAction 3 0 R >> endobj 3 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj'],
    ['/JS alone', '3 0 obj << /JS (this.exportDataObject()) >> endobj'],
    ['/AA', '1 0 obj << /Type /Page /AA << /O 4 0 R >> >> endobj'],
    ['/Launch', '4 0 obj << /S /Launch /F (cmd.exe) >> endobj'],
    ['/EmbeddedFile', '5 0 obj << /Type /EmbeddedFile /Length 3 >> stream\nabc\nendstream endobj'],
    ['a name spelt with #xx', '3 0 obj << /S /Java#53cript /JS (x) >> endobj'],
    ['a %PDF polyglot with <html><script>', '<html><body><script>alert(document.cookie)</script></body></html>'],
  ])('refuses a PDF with %s, with a clear reason', async (_, body) => {
    expect(await checkUploads([{ name: 'Antrag.pdf', bytes: pdf(body) }], limits)).toEqual({
      ok: false,
      tooMany: false,
      refused: [{ fileName: 'Antrag.pdf', reason: 'active_content' }],
    });
  });
});

describe('file names', () => {
  it('lose bidirectional controls, so that no name shows another extension', () => {
    expect(safeFileName('rechnung\u202Efdp.exe')).toBe('rechnungfdp.exe');
    expect(safeFileName('a\u2066b\u2069c\u200F.pdf')).toBe('abc.pdf');
  });

  it('keep the end of a 300-character name (255 characters, the extension intact) and drop any path', () => {
    const long = `${'a'.repeat(296)}.pdf`;
    expect(safeFileName(long)).toBe(`${'a'.repeat(251)}.pdf`);
    expect(safeFileName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(safeFileName('..\\..\\Windows\\win.ini')).toBe('win.ini');
  });

  it('a PDF named with U+202E is kept under the name without it', async () => {
    const result = await checkUploads([{ name: 'bild\u202Egnp.pdf', bytes: plainPdf }], limits);
    expect(result).toMatchObject({ ok: true, files: [{ fileName: 'bildgnp.pdf' }] });
  });
});
