// The plain data a PDF worker lays out (lib/pdf/document.mjs). React elements cannot cross a thread
// boundary, so callers describe the document with strings that are already translated and formatted.

export type PdfTable = { columns: string[]; rows: string[][] };

export type PdfVerification = {
  /** Human-typable code, shown grouped (XXXX-XXXX-XXXX). */
  code: string;
  /** The public verification page with the code; encoded in the QR code. Built by the portal, never by a user. */
  url: string;
  heading: string;
  text: string;
};

export type PdfDocumentSpec = {
  /** Document title in the PDF's metadata and as the heading. */
  title: string;
  letterhead: { name: string; lines: string[] };
  /** The member's postal address block. */
  recipient: string[];
  /** Label/value pairs beside the address (KVNR, date of issue, …). */
  facts: [string, string][];
  paragraphs: string[];
  /** A framed box of label/value pairs: the replacement health card. */
  card?: { heading: string; rows: [string, string][] };
  table?: PdfTable;
  closing: string[];
  verification?: PdfVerification;
  footer: string;
};

/** A letter of the insurer to a member: address, subject, salutation and paragraphs. */
export type LetterSpec = {
  recipient: { name: string; street: string; city: string };
  kvnr: string;
  date: Date;
  subject: string;
  salutation: string;
  paragraphs: string[];
  closing?: string;
};

export type PdfJob = { spec: PdfDocumentSpec } | { letter: LetterSpec } | { baseline: string };
