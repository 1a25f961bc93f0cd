import type { LetterSpec } from './letter-pdf';
import type { LetterRecipient } from './deliver';
import type { LetterCategoryName } from './schema';

export type LetterTemplate = {
  subject: string;
  category: LetterCategoryName;
  retentionYears: number;
  paragraphs: (member: LetterRecipient) => string[];
};

const date = (d: Date) => new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(d);
const calendarDay = (d: Date) => new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'UTC' }).format(d);

/** Realistic letters of the insurer, for the demo data and the deliver-letter command. */
export const letterTemplates = {
  mitgliedsbescheinigung: {
    subject: 'Ihre Mitgliedsbescheinigung',
    category: 'MEMBERSHIP',
    retentionYears: 10,
    // The date is the start of the member's current uninterrupted insurance (deliverLetter finds it).
    paragraphs: (member) => [
      member.memberSince
        ? `hiermit bestätigen wir Ihnen, dass Sie seit dem ${calendarDay(member.memberSince)} ohne Unterbrechung Mitglied der HEK – Hanseatische Krankenkasse sind.`
        : 'hiermit bestätigen wir Ihnen, dass Sie Mitglied der HEK – Hanseatische Krankenkasse sind.',
      'Diese Bescheinigung können Sie zum Beispiel Ihrem Arbeitgeber, Ihrer Hochschule oder einer Behörde vorlegen. Sie ist ohne Unterschrift gültig.',
      'Haben Sie Fragen zu Ihrer Mitgliedschaft? Schreiben Sie uns über den Messenger im Service-Portal oder rufen Sie uns kostenfrei an.',
    ],
  },
  'fehlende-unterlagen': {
    subject: 'Bitte reichen Sie fehlende Unterlagen nach',
    category: 'DOCUMENTS',
    retentionYears: 6,
    paragraphs: () => [
      'für die Bearbeitung Ihres Antrags auf Kostenübernahme fehlt uns noch eine Unterlage: die Rechnung der behandelnden Praxis mit Datum und Leistungsübersicht.',
      `Bitte senden Sie uns die Rechnung bis zum ${date(new Date(Date.now() + 21 * 86400_000))}. Am einfachsten geht das im Service-Portal: Öffnen Sie dieses Schreiben in Ihrem Postfach und wählen Sie „Antworten“. Sie können ein Foto oder eine PDF-Datei anhängen.`,
      'Sobald die Unterlagen vollständig sind, entscheiden wir über Ihren Antrag und geben Ihnen Bescheid.',
    ],
  },
  leistungsbescheid: {
    subject: 'Bescheid über Ihren Antrag auf Kostenübernahme',
    category: 'BENEFITS',
    retentionYears: 10,
    paragraphs: () => [
      'wir haben Ihren Antrag auf Übernahme der Kosten für eine Physiotherapie (sechs Behandlungen) geprüft und bewilligen ihn in vollem Umfang.',
      'Die Praxis rechnet direkt mit uns ab. Sie zahlen lediglich die gesetzliche Zuzahlung von 10 Euro je Verordnung sowie 10 Prozent der Behandlungskosten.',
      'Rechtsbehelfsbelehrung: Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden. Der Widerspruch ist schriftlich oder zur Niederschrift bei der HEK – Hanseatische Krankenkasse, Wandsbeker Zollstraße 86–90, 22041 Hamburg, einzulegen.',
    ],
  },
  beitragsinformation: {
    subject: 'Information zu Ihrem Beitrag ab 1. Januar',
    category: 'CONTRIBUTIONS',
    retentionYears: 10,
    paragraphs: () => [
      'zum 1. Januar ändert sich der Zusatzbeitrag der HEK. Er beträgt dann 2,5 Prozent Ihres beitragspflichtigen Einkommens.',
      'Wenn Sie Arbeitnehmerin oder Arbeitnehmer sind, müssen Sie nichts tun: Ihr Arbeitgeber berücksichtigt den neuen Beitrag automatisch.',
      'Sie haben wegen der Änderung ein Sonderkündigungsrecht. Über alle Einzelheiten informieren wir Sie gern persönlich.',
    ],
  },
  gesundheitskarte: {
    subject: 'Ihre neue elektronische Gesundheitskarte',
    category: 'HEALTH_CARD',
    retentionYears: 2,
    paragraphs: () => [
      'Ihre neue elektronische Gesundheitskarte ist auf dem Weg zu Ihnen. Sie erhalten sie in den nächsten Tagen mit getrennter Post.',
      'Bitte vernichten Sie Ihre bisherige Karte, sobald die neue Karte bei Ihnen angekommen ist. Die neue PIN für die Gesundheitskarte erhalten Sie in einem eigenen Schreiben.',
    ],
  },
} satisfies Record<string, LetterTemplate>;

export type LetterTemplateName = keyof typeof letterTemplates;

export function isLetterTemplate(name: string): name is LetterTemplateName {
  return Object.hasOwn(letterTemplates, name);
}

/** One block of a letter's text: what the letter page shows as HTML and the PDF prints. */
export type LetterBlock = { type: 'heading' | 'paragraph'; text: string };

// A paragraph that opens with one of these labels is a section of its own (a heading, then its text).
const sectionLabels = ['Rechtsbehelfsbelehrung'];

/**
 * The letter's text in reading order: salutation, paragraphs (a labelled section split into heading and
 * text), closing and signature. The one source for the HTML page and the PDF.
 */
export function letterBlocks(spec: Pick<LetterSpec, 'salutation' | 'paragraphs' | 'closing'>): LetterBlock[] {
  const blocks: LetterBlock[] = [{ type: 'paragraph', text: spec.salutation }];
  for (const text of spec.paragraphs) {
    const label = sectionLabels.find((l) => text.startsWith(`${l}:`));
    if (label) blocks.push({ type: 'heading', text: label }, { type: 'paragraph', text: text.slice(label.length + 1).trim() });
    else blocks.push({ type: 'paragraph', text });
  }
  blocks.push({ type: 'paragraph', text: spec.closing ?? 'Mit freundlichen Grüßen' }, { type: 'paragraph', text: 'Ihre HEK' });
  return blocks;
}

/** Blocks read back from the database; anything malformed is no text (the page then offers the PDF). */
export function parseLetterBlocks(value: unknown): LetterBlock[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const ok = value.every((b) => b && typeof b === 'object' && (b.type === 'heading' || b.type === 'paragraph') && typeof b.text === 'string');
  return ok ? (value as LetterBlock[]) : null;
}

/** The render spec of a template for one member. */
export function templateSpec(template: LetterTemplate, member: LetterRecipient, deliveredAt = new Date()): LetterSpec {
  return {
    recipient: { name: `${member.firstName} ${member.lastName}`, street: `${member.street} ${member.houseNumber}`, city: `${member.postalCode} ${member.city}` },
    kvnr: member.kvnr,
    date: deliveredAt,
    subject: template.subject,
    salutation: `Guten Tag ${member.firstName} ${member.lastName},`,
    paragraphs: template.paragraphs(member),
  };
}

/** Delivery input for a template (see deliverLetter). */
export function templateDelivery(name: LetterTemplateName, deliveredAt = new Date()) {
  const template: LetterTemplate = letterTemplates[name];
  const retentionUntil = new Date(Date.UTC(deliveredAt.getUTCFullYear() + template.retentionYears, deliveredAt.getUTCMonth(), deliveredAt.getUTCDate()));
  return {
    subject: template.subject,
    category: template.category,
    retentionUntil,
    deliveredAt,
    pdf: (member: LetterRecipient) => templateSpec(template, member, deliveredAt),
  };
}
