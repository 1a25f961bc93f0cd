import 'server-only';
import { renderPdf } from '@/lib/pdf/pool';
import type { PdfDocumentSpec } from '@/lib/pdf/types';
import { documentTranslator } from '@/lib/pdf/texts';
import type { InsurerForm } from './forms';

const cache = new Map<string, Promise<Uint8Array>>();

/** The form as a PDF through the PDF workers; the same for every member, so rendered once per process. */
export function renderFormPdf(form: InsurerForm): Promise<Uint8Array> {
  let pdf = cache.get(form.slug);
  if (!pdf) {
    pdf = renderPdf(formSpec(form));
    pdf.catch(() => cache.delete(form.slug));
    cache.set(form.slug, pdf);
  }
  return pdf;
}

export function formSpec(form: InsurerForm): PdfDocumentSpec {
  const t = documentTranslator('certificates.pdf');
  return {
    title: form.title,
    letterhead: { name: t('letterhead.name'), lines: [t('letterhead.address'), t('letterhead.phone'), t('letterhead.web')] },
    recipient: ['HEK – Hanseatische Krankenkasse', 'Wandsbeker Zollstraße 86–90', '22041 Hamburg'],
    facts: [
      ['Formular', form.code],
      ['Stand', 'Januar 2026'],
    ],
    paragraphs: [form.summary, ...form.paragraphs],
    table: { columns: ['Angabe', 'Ihre Eintragung'], rows: form.fields.map((field) => [field, '______________________________']) },
    closing: ['Ich versichere, dass meine Angaben richtig und vollständig sind.', 'Ort, Datum, Unterschrift: ______________________________'],
    footer: t('footer'),
  };
}
