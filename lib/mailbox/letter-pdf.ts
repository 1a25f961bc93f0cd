import zlib from 'node:zlib';

// A small PDF writer for the insurer's letters: text only, in the PDF standard fonts Helvetica and
// Helvetica-Bold (WinAnsiEncoding, which covers German). It needs neither React nor font files, so the
// portal, the seed and the deliver-letter command render the same letter in a few milliseconds; it
// never reads a path or URL, whatever the letter says.

export type LetterSpec = {
  recipient: { name: string; street: string; city: string };
  kvnr: string;
  date: Date;
  subject: string;
  salutation: string;
  paragraphs: string[];
  closing?: string;
};

const glyphs = "0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ÄÖÜäöüß€§–—„“”‚‘’éèáàç°·•…×ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
// Advance widths (1/1000 em) of the glyphs above, from the fonts' Adobe metrics (AFM).
const regularWidths = [556,556,556,556,556,556,556,556,556,556,278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,278,278,584,584,584,556,1015,278,278,278,469,556,333,334,260,334,584,667,778,722,556,556,556,611,556,556,556,1000,333,333,333,222,222,222,556,556,556,556,500,400,278,350,1000,584,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500];
const boldWidths = [556,556,556,556,556,556,556,556,556,556,278,333,474,556,556,889,722,238,333,333,389,584,278,333,278,278,333,333,584,584,584,611,975,333,278,333,584,556,333,389,280,389,584,722,778,722,556,611,611,611,556,556,556,1000,500,500,500,278,278,278,556,556,556,556,556,400,278,350,1000,584,722,722,722,722,667,611,778,722,278,556,722,611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,556,611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,556,556,500];
const widths = {
  regular: new Map([...glyphs].map((c, i) => [c, regularWidths[i]!])),
  bold: new Map([...glyphs].map((c, i) => [c, boldWidths[i]!])),
};
// WinAnsiEncoding bytes of the characters outside Latin-1's layout.
const winAnsi: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97 };

type Font = 'regular' | 'bold';

/** Characters the standard fonts lack become their base letter (ı → i, ğ → g), the rest "?". */
function printable(text: string): string {
  return [...text.replace(/ı/g, 'i').replace(/\s+/g, ' ')]
    .map((c) => (widths.regular.has(c) ? c : (c.normalize('NFD')[0] ?? '?')))
    .map((c) => (widths.regular.has(c) ? c : '?'))
    .join('');
}

function textWidth(text: string, font: Font, size: number): number {
  let sum = 0;
  for (const c of text) sum += widths[font].get(c) ?? 556;
  return (sum * size) / 1000;
}

function wrap(text: string, font: Font, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of printable(text).split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, font, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function encode(text: string): string {
  let out = '';
  for (const c of text) {
    const code = winAnsi[c] ?? c.charCodeAt(0);
    const ch = String.fromCharCode(code);
    out += ch === '\\' || ch === '(' || ch === ')' ? `\\${ch}` : ch;
  }
  return out;
}

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const LEFT = 70;
const RIGHT = PAGE_WIDTH - 57;
const BOTTOM = 90;

type Run = { x: number; y: number; font: Font; size: number; text: string };

const germanDate = (date: Date) =>
  new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' }).format(date);

/** Lays the letter out on A4 pages (DIN 5008 in spirit) and returns the PDF file. */
export function renderLetterPdf(spec: LetterSpec): Buffer {
  const pages: Run[][] = [[]];
  let page = pages[0]!;
  const put = (x: number, y: number, font: Font, size: number, text: string) => page.push({ x, y, font, size, text: printable(text) });

  put(LEFT, 780, 'bold', 16, 'HEK');
  put(LEFT + 40, 780, 'regular', 10, 'Hanseatische Krankenkasse');
  put(LEFT, 700, 'regular', 7, 'HEK · Wandsbeker Zollstraße 86–90 · 22041 Hamburg');
  put(LEFT, 680, 'regular', 10.5, spec.recipient.name);
  put(LEFT, 665, 'regular', 10.5, spec.recipient.street);
  put(LEFT, 650, 'regular', 10.5, spec.recipient.city);
  const rightColumn = 370;
  put(rightColumn, 680, 'regular', 9, `Versichertennummer: ${spec.kvnr}`);
  put(rightColumn, 666, 'regular', 9, 'Service-Telefon 0800 0213213');
  put(rightColumn, 640, 'regular', 9, `Hamburg, ${germanDate(spec.date)}`);

  let y = 580;
  for (const line of wrap(spec.subject, 'bold', 11, RIGHT - LEFT)) {
    put(LEFT, y, 'bold', 11, line);
    y -= 16;
  }
  y -= 14;
  const paragraph = (text: string, gapAfter: number) => {
    for (const line of wrap(text, 'regular', 10.5, RIGHT - LEFT)) {
      if (y < BOTTOM) {
        page = [];
        pages.push(page);
        y = PAGE_HEIGHT - 90;
      }
      put(LEFT, y, 'regular', 10.5, line);
      y -= 15;
    }
    y -= gapAfter;
  };
  paragraph(spec.salutation, 8);
  for (const text of spec.paragraphs) paragraph(text, 8);
  paragraph(spec.closing ?? 'Mit freundlichen Grüßen', 4);
  paragraph('Ihre HEK', 0);

  pages.forEach((runs, index) => {
    runs.push({ x: LEFT, y: 40, font: 'regular', size: 7, text: printable('HEK – Hanseatische Krankenkasse · Körperschaft des öffentlichen Rechts · www.hek.de') });
    runs.push({ x: RIGHT - 50, y: 40, font: 'regular', size: 7, text: `Seite ${index + 1} von ${pages.length}` });
  });
  return writePdf(pages, spec.subject);
}

function writePdf(pages: Run[][], title: string): Buffer {
  const objects: Buffer[] = [];
  const add = (body: string | Buffer) => {
    objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    return objects.length;
  };
  const catalog = add('');
  const pageTree = add('');
  const regular = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const pageIds: number[] = [];
  for (const runs of pages) {
    const content = runs
      .map((r) => `BT /${r.font === 'bold' ? 'F2' : 'F1'} ${r.size} Tf ${r.x.toFixed(2)} ${r.y.toFixed(2)} Td (${encode(r.text)}) Tj ET`)
      .join('\n');
    const compressed = zlib.deflateSync(Buffer.from(content, 'latin1'));
    const stream = add(Buffer.concat([Buffer.from(`<< /Length ${compressed.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), compressed, Buffer.from('\nendstream', 'latin1')]));
    pageIds.push(
      add(`<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> >> /Contents ${stream} 0 R >>`),
    );
  }
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pageTree} 0 R /Lang (de-DE) >>`, 'latin1');
  objects[pageTree - 1] = Buffer.from(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`, 'latin1');
  // Document info strings are not WinAnsi but UTF-16BE with a byte order mark.
  const utf16 = Buffer.from(`\ufeff${title}`, 'utf16le').swap16().toString('hex');
  const info = add(`<< /Title <${utf16}> /Author (HEK) /Producer (HEK Postfach) >>`);

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}
