import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderJob } from './document.mjs';
import type { PdfDocumentSpec } from './types';

const root = path.resolve(__dirname, '..', '..');

function text(pdf: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hek-doc-'));
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function spec(kvnr: string, employer: string): PdfDocumentSpec {
  return {
    title: 'Versicherungsbescheinigung',
    letterhead: { name: 'HEK', lines: ['Hamburg'] },
    recipient: ['Jürgen Müller', 'Schloßstraße 1', '20095 Düsseldorf'],
    facts: [['Versichertennummer', kvnr]],
    paragraphs: [employer],
    closing: [],
    footer: 'HEK',
  };
}

describe('a worker rendering one document after another', () => {
  // "Ö" is a composite glyph of "O" and the diaeresis; fontkit cached the "O" it met inside it without
  // its code point, and the next document lost every plain "O" (react-pdf issue #3404).
  it('keeps a plain O after a document that had an Ö', async () => {
    const first = text(await renderJob({ spec: spec('A183089669', 'Öko-Süßwaren AG') }, root));
    expect(first).toContain('A183089669');
    expect(first).toContain('Öko-Süßwaren AG');
    const second = text(await renderJob({ spec: spec('O183089669', 'Bäckerei Köhler GmbH') }, root));
    expect(second).toContain('O183089669');
    expect(second).toContain('Bäckerei Köhler GmbH');
  });
});
