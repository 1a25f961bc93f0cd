// Lays out a PdfDocumentSpec (lib/pdf/types.ts) with @react-pdf/renderer. Plain JavaScript with
// React.createElement, because it runs inside worker threads (lib/pdf/worker.mjs) that Next.js does not
// bundle. Fonts and images are chosen here, never taken from the spec (STYLE.md #13).
import path from 'node:path';
import React from 'react';
import QRCode from 'qrcode';
import { Document, Font, Image, Page, StyleSheet, Text, View, renderToBuffer } from '@react-pdf/renderer';

const h = React.createElement;
const FONT = 'DejaVu Sans';
const BRAND = '#00566b';
const MUTED = '#4a5a60';

let fontsRegistered = false;

/** Empties fontkit's glyph cache of our fonts (see renderJob); a font not yet loaded has none. */
function forgetGlyphs() {
  for (const source of Font.getRegisteredFonts()[FONT]?.sources ?? []) {
    if (source.data && typeof source.data === 'object' && '_glyphs' in source.data) source.data._glyphs = {};
  }
}

/**
 * Registers the embedded fonts once per thread; `root` is the project folder. DejaVu Sans has Latin
 * Extended and Greek (Łukasz, Dvořák, Yılmaz, Ελένη) and a real bold face (lib/pdf/fonts/README.md).
 */
export function registerFonts(root) {
  if (fontsRegistered) return;
  const font = (file) => path.join(root, 'lib', 'pdf', 'fonts', file);
  Font.register({
    family: FONT,
    fonts: [
      { src: font('DejaVuSans.ttf'), fontWeight: 'normal' },
      { src: font('DejaVuSans-Bold.ttf'), fontWeight: 'bold' },
    ],
  });
  // German words must not be split at arbitrary points.
  Font.registerHyphenationCallback((word) => [word]);
  fontsRegistered = true;
}

const styles = StyleSheet.create({
  // A letter's page has no lineHeight: with one, react-pdf 4.9 does not draw the page-number text
  // (a render prop). Its paragraphs carry the line height instead.
  letterPage: { fontFamily: FONT, fontSize: 10, color: '#1b2528', paddingTop: 40, paddingBottom: 60, paddingHorizontal: 56 },
  letterText: { lineHeight: 1.4 },
  page: { fontFamily: FONT, fontSize: 10, lineHeight: 1.4, color: '#1b2528', paddingTop: 40, paddingBottom: 60, paddingHorizontal: 56 },
  letterhead: { flexDirection: 'row', justifyContent: 'space-between', borderBottomWidth: 2, borderBottomColor: BRAND, paddingBottom: 8, marginBottom: 24 },
  insurer: { fontSize: 15, color: BRAND, fontWeight: 'bold' },
  letterheadLines: { fontSize: 8, color: MUTED, textAlign: 'right' },
  head: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 24 },
  recipient: { width: '55%' },
  facts: { width: '40%' },
  fact: { flexDirection: 'row', marginBottom: 2 },
  factLabel: { width: '50%', color: MUTED, fontSize: 9 },
  factValue: { width: '50%', fontSize: 9 },
  title: { fontSize: 16, color: BRAND, marginBottom: 12, fontWeight: 'bold' },
  paragraph: { marginBottom: 8 },
  card: { borderWidth: 1.5, borderColor: BRAND, borderRadius: 6, padding: 12, marginVertical: 10 },
  cardHeading: { fontSize: 12, color: BRAND, marginBottom: 6, fontWeight: 'bold' },
  table: { marginVertical: 8, borderTopWidth: 1, borderTopColor: '#c9d3d6' },
  row: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: '#c9d3d6', paddingVertical: 4 },
  headerRow: { backgroundColor: '#e6f0f2', fontWeight: 'bold' },
  cell: { paddingHorizontal: 4 },
  verification: { flexDirection: 'row', marginTop: 16, padding: 10, backgroundColor: '#f3f6f7', borderRadius: 4 },
  qr: { width: 86, height: 86, marginRight: 12 },
  verificationText: { flex: 1 },
  code: { fontSize: 13, color: BRAND, marginVertical: 4, letterSpacing: 1, fontWeight: 'bold' },
  senderLine: { fontSize: 7, color: MUTED, marginBottom: 6 },
  subject: { fontSize: 11, fontWeight: 'bold', marginBottom: 14 },
  footer: { position: 'absolute', bottom: 28, left: 56, right: 56, fontSize: 7.5, color: MUTED, textAlign: 'center' },
  pageNumber: { position: 'absolute', bottom: 16, left: 56, right: 56, fontSize: 7.5, color: MUTED, textAlign: 'right' },
});

function facts(rows, rowStyle, labelStyle, valueStyle) {
  return rows.map(([label, value], i) =>
    h(View, { key: i, style: rowStyle, wrap: false }, h(Text, { style: labelStyle }, label), h(Text, { style: valueStyle }, value)),
  );
}

// Dates are short; the kind and the employer or payer get the room.
const COLUMN_WIDTHS = ['15%', '15%', '28%', '42%'];

function cell(text, i, count) {
  const width = count === COLUMN_WIDTHS.length ? COLUMN_WIDTHS[i] : `${100 / count}%`;
  return h(Text, { key: i, style: [styles.cell, { width }] }, text);
}

function table({ columns, rows }) {
  return h(
    View,
    { style: styles.table },
    h(View, { style: [styles.row, styles.headerRow], fixed: true }, ...columns.map((c, i) => cell(c, i, columns.length))),
    ...rows.map((row, r) => h(View, { key: r, style: styles.row, wrap: false }, ...row.map((c, i) => cell(c, i, row.length)))),
  );
}

async function verificationBox(verification) {
  // The QR code is a PNG made here from the portal's own URL; react-pdf gets bytes, not a URL.
  const png = await QRCode.toBuffer(verification.url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 256 });
  return h(
    View,
    { style: styles.verification, wrap: false },
    h(Image, { style: styles.qr, src: { data: png, format: 'png' } }),
    h(
      View,
      { style: styles.verificationText },
      h(Text, null, verification.heading),
      h(Text, { style: styles.code }, verification.code),
      h(Text, { style: { fontSize: 9 } }, verification.text),
      h(Text, { style: { fontSize: 9, color: BRAND } }, verification.url),
    ),
  );
}

/** The element tree of a certificate or replacement health card. */
export async function buildDocument(spec) {
  const body = [
    h(
      View,
      { key: 'lh', style: styles.letterhead, fixed: true },
      h(Text, { style: styles.insurer }, spec.letterhead.name),
      h(View, null, ...spec.letterhead.lines.map((line, i) => h(Text, { key: i, style: styles.letterheadLines }, line))),
    ),
    h(
      View,
      { key: 'head', style: styles.head },
      h(View, { style: styles.recipient }, ...spec.recipient.map((line, i) => h(Text, { key: i }, line))),
      h(View, { style: styles.facts }, ...facts(spec.facts, styles.fact, styles.factLabel, styles.factValue)),
    ),
    h(Text, { key: 'title', style: styles.title }, spec.title),
    ...spec.paragraphs.map((p, i) => h(Text, { key: `p${i}`, style: styles.paragraph }, p)),
  ];
  if (spec.card) {
    body.push(
      h(
        View,
        { key: 'card', style: styles.card, wrap: false },
        h(Text, { style: styles.cardHeading }, spec.card.heading),
        ...facts(spec.card.rows, styles.fact, styles.factLabel, { width: '50%' }),
      ),
    );
  }
  if (spec.table) body.push(h(View, { key: 'table' }, table(spec.table)));
  body.push(...spec.closing.map((p, i) => h(Text, { key: `c${i}`, style: styles.paragraph }, p)));
  if (spec.verification) body.push(h(View, { key: 'verification' }, await verificationBox(spec.verification)));
  body.push(
    h(Text, { key: 'footer', style: styles.footer, fixed: true }, spec.footer),
  );
  return h(
    Document,
    { title: spec.title, author: spec.letterhead.name, creator: spec.letterhead.name, producer: spec.letterhead.name, language: 'de-DE' },
    h(Page, { size: 'A4', style: styles.page }, ...body),
  );
}

const letterDate = (date) => new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' }).format(date);

/** The element tree of a letter of the insurer (LetterSpec in lib/mailbox/letter-pdf.ts), DIN 5008 in spirit. */
export function buildLetter(letter) {
  return h(
    Document,
    { title: letter.subject, author: 'HEK', creator: 'HEK', producer: 'HEK Postfach', language: 'de-DE' },
    h(
      Page,
      { size: 'A4', style: styles.letterPage },
      h(
        View,
        { style: styles.letterhead, fixed: true },
        h(Text, { style: styles.insurer }, 'HEK'),
        h(Text, { style: styles.letterheadLines }, 'Hanseatische Krankenkasse'),
      ),
      h(
        View,
        { style: styles.head },
        h(
          View,
          { style: styles.recipient },
          h(Text, { style: styles.senderLine }, 'HEK · Wandsbeker Zollstraße 86–90 · 22041 Hamburg'),
          h(Text, null, letter.recipient.name),
          h(Text, null, letter.recipient.street),
          h(Text, null, letter.recipient.city),
        ),
        h(
          View,
          { style: styles.facts },
          ...facts(
            [
              ['Versichertennummer', letter.kvnr],
              ['Service-Telefon', '0800 0213213'],
            ],
            styles.fact,
            styles.factLabel,
            styles.factValue,
          ),
          h(Text, { style: [styles.factValue, { width: '100%', marginTop: 10 }] }, `Hamburg, ${letterDate(letter.date)}`),
        ),
      ),
      h(Text, { style: styles.subject }, letter.subject),
      h(Text, { style: [styles.paragraph, styles.letterText] }, letter.salutation),
      ...letter.paragraphs.map((p, i) => h(Text, { key: i, style: [styles.paragraph, styles.letterText] }, p)),
      h(Text, { style: [styles.paragraph, styles.letterText] }, letter.closing ?? 'Mit freundlichen Grüßen'),
      h(Text, null, 'Ihre HEK'),
      h(Text, { style: styles.footer, fixed: true }, 'HEK – Hanseatische Krankenkasse · Körperschaft des öffentlichen Rechts · www.hek.de'),
      h(Text, { style: styles.pageNumber, fixed: true, render: ({ pageNumber, totalPages }) => `Seite ${pageNumber} von ${totalPages}` }),
    ),
  );
}

/** The benchmark's baseline: one line of text on A4, through the same fonts and worker. */
export function buildBaseline(line) {
  return h(Document, null, h(Page, { size: 'A4', style: styles.page }, h(Text, null, line)));
}

/** Renders a job ({ spec }, { letter } or { baseline }) to PDF bytes. */
export async function renderJob(job, root) {
  // fontkit caches glyph objects per parsed font, and a glyph it first reached as part of another
  // (the "O" inside a composite "Ö") comes back from a later layout without its code point, which
  // textkit then drops: a KVNR starting with O lost its letter in the next document (react-pdf issue
  // #3404). Each document therefore starts with an empty glyph cache; the parsed tables stay.
  registerFonts(root);
  forgetGlyphs();
  const element = 'baseline' in job ? buildBaseline(job.baseline) : 'letter' in job ? buildLetter(job.letter) : await buildDocument(job.spec);
  return renderToBuffer(element);
}
