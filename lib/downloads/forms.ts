// The Downloadcenter's forms: the insurer's documents, in German as the insurer issues them (like the
// letter templates in lib/mailbox/templates.ts). Each is rendered as a real PDF with its questions; where
// the portal can do the same online, `online` names the page.

export const formGroups = ['sickness', 'family', 'membership', 'benefits', 'abroad'] as const;
export type FormGroup = (typeof formGroups)[number];

export type InsurerForm = {
  slug: string;
  group: FormGroup;
  title: string;
  code: string;
  summary: string;
  paragraphs: string[];
  fields: string[];
  /** The portal page that does this online, instead of the paper form. */
  online?: string;
};

export const insurerForms: InsurerForm[] = [
  {
    slug: 'antrag-kinderkrankengeld',
    group: 'family',
    title: 'Antrag auf Kinderkrankengeld',
    code: 'HEK-KKG-01',
    summary: 'Wenn Sie Ihr krankes Kind unter 12 Jahren betreuen und deshalb nicht arbeiten können.',
    paragraphs: [
      'Kinderkrankengeld erhalten Sie, wenn Ihr Kind krank ist, Sie es nach ärztlichem Zeugnis beaufsichtigen, betreuen oder pflegen müssen und keine andere Person im Haushalt das übernehmen kann (§ 45 SGB V).',
      'Im Jahr 2026 haben Sie je Kind Anspruch auf bis zu 15 Arbeitstage, Alleinerziehende auf bis zu 30 Arbeitstage; insgesamt höchstens 35 beziehungsweise 70 Arbeitstage.',
      'Bitte legen Sie die ärztliche Bescheinigung über die Erkrankung des Kindes bei.',
    ],
    fields: ['Name, Vorname', 'Versichertennummer', 'Name des Kindes', 'Geburtsdatum des Kindes', 'Erster Tag der Betreuung', 'Letzter Tag der Betreuung', 'Krankenhausaufenthalt mit dem Kind (von – bis)', 'Alleinerziehend (ja/nein)', 'Arbeitgeber'],
    online: '/antraege/neu/kinderkrankengeld',
  },
  {
    slug: 'antrag-mutterschaftsgeld',
    group: 'family',
    title: 'Antrag auf Mutterschaftsgeld',
    code: 'HEK-MSG-01',
    summary: 'Für die Zeit des Mutterschutzes vor und nach der Entbindung.',
    paragraphs: [
      'Mutterschaftsgeld erhalten Mitglieder, die bei Arbeitsunfähigkeit Anspruch auf Krankengeld haben oder in einem Arbeitsverhältnis stehen (§ 24i SGB V).',
      'Bitte legen Sie das Zeugnis Ihrer Ärztin, Ihres Arztes oder Ihrer Hebamme über den voraussichtlichen Entbindungstag bei. Es darf frühestens sieben Wochen vor dem Entbindungstag ausgestellt sein.',
    ],
    fields: ['Name, Vorname', 'Versichertennummer', 'Voraussichtlicher Entbindungstag', 'Beschäftigung (angestellt, Minijob, arbeitslos, selbstständig)', 'Arbeitgeber', 'Bankverbindung (IBAN)'],
    online: '/antraege/neu/mutterschaftsgeld',
  },
  {
    slug: 'auszahlschein-krankengeld',
    group: 'sickness',
    title: 'Auszahlschein für Krankengeld',
    code: 'HEK-KG-02',
    summary: 'Für Zeiten, für die keine elektronische Arbeitsunfähigkeitsbescheinigung vorliegt, zum Beispiel aus dem Ausland.',
    paragraphs: [
      'Die Arbeitsunfähigkeit muss uns innerhalb einer Woche nach ihrem Beginn gemeldet werden (§ 49 Abs. 1 Nr. 5 SGB V). Eine elektronische Bescheinigung (eAU) übermittelt Ihre Praxis selbst.',
      'Eine Folgebescheinigung muss spätestens am nächsten Werktag nach dem Ende der bisherigen Bescheinigung ausgestellt sein; Samstage zählen dabei nicht als Werktage (§ 46 SGB V).',
    ],
    fields: ['Name, Vorname', 'Versichertennummer', 'Arbeitsunfähig von', 'Arbeitsunfähig bis', 'Ärztliche Feststellung am', 'Praxis (Name, Anschrift)', 'Land der Behandlung'],
    online: '/antraege',
  },
  {
    slug: 'fragebogen-arbeitsunfaehigkeit',
    group: 'sickness',
    title: 'Fragebogen zur Arbeitsunfähigkeit',
    code: 'HEK-KG-03',
    summary: 'Angaben zu Ihrer Tätigkeit, die wir für die Berechnung des Krankengeldes brauchen.',
    paragraphs: ['Ihre Angaben helfen uns, Ihren Anspruch auf Krankengeld zu prüfen und die Höhe zu berechnen. Das Krankengeld beträgt 70 Prozent des regelmäßigen Entgelts, 2026 höchstens 135,63 Euro am Tag (§ 47 SGB V).'],
    fields: ['Name, Vorname', 'Versichertennummer', 'Ausgeübte Tätigkeit', 'Wöchentliche Arbeitszeit', 'Beschäftigt seit', 'Weitere Einkünfte'],
  },
  {
    slug: 'familienversicherung',
    group: 'membership',
    title: 'Fragebogen zur Familienversicherung',
    code: 'HEK-FV-01',
    summary: 'Um Ehe- oder Lebenspartner und Kinder beitragsfrei mitzuversichern.',
    paragraphs: ['Familienangehörige sind beitragsfrei mitversichert, wenn ihr Gesamteinkommen regelmäßig die Grenze nach § 10 SGB V nicht überschreitet.'],
    fields: ['Name des Mitglieds', 'Versichertennummer', 'Name der Angehörigen', 'Geburtsdatum', 'Verwandtschaftsverhältnis', 'Monatliches Gesamteinkommen', 'Bisherige Krankenkasse'],
  },
  {
    slug: 'mitgliedschaft-freiwillig',
    group: 'membership',
    title: 'Antrag auf freiwillige Mitgliedschaft',
    code: 'HEK-MG-02',
    summary: 'Wenn Ihre Pflichtversicherung endet und Sie bei der HEK versichert bleiben möchten.',
    paragraphs: ['Der Antrag ist innerhalb von drei Monaten nach dem Ende der Pflichtversicherung zu stellen (§ 9 SGB V).'],
    fields: ['Name, Vorname', 'Versichertennummer', 'Ende der Pflichtversicherung', 'Grund', 'Einnahmen zum Lebensunterhalt'],
  },
  {
    slug: 'kostenerstattung',
    group: 'benefits',
    title: 'Antrag auf Kostenerstattung',
    code: 'HEK-KE-01',
    summary: 'Für Rechnungen, die Sie selbst bezahlt haben.',
    paragraphs: ['Bitte fügen Sie die Originalrechnung mit Diagnose, Datum und Leistungsübersicht bei. Über Ihren Antrag entscheiden wir innerhalb von drei Wochen, mit Gutachten des Medizinischen Dienstes innerhalb von fünf Wochen (§ 13 Abs. 3a SGB V).'],
    fields: ['Name, Vorname', 'Versichertennummer', 'Rechnungsdatum', 'Betrag', 'Leistungserbringer', 'IBAN für die Erstattung'],
    online: '/postfach/einreichen',
  },
  {
    slug: 'haushaltshilfe',
    group: 'benefits',
    title: 'Antrag auf Haushaltshilfe',
    code: 'HEK-HH-01',
    summary: 'Wenn Sie wegen Krankheit den Haushalt nicht weiterführen können und ein Kind unter 12 Jahren im Haushalt lebt.',
    paragraphs: ['Die Haushaltshilfe muss ärztlich verordnet sein (§ 38 SGB V). Bitte fügen Sie die Verordnung bei.'],
    fields: ['Name, Vorname', 'Versichertennummer', 'Zeitraum', 'Kinder im Haushalt (Alter)', 'Name der Haushaltshilfe', 'Stunden je Tag'],
  },
  {
    slug: 'auslandsreise',
    group: 'abroad',
    title: 'Antrag auf Anspruchsbescheinigung für das Ausland',
    code: 'HEK-AU-01',
    summary: 'Für Aufenthalte in Ländern mit Sozialversicherungsabkommen ohne Europäische Krankenversicherungskarte.',
    paragraphs: ['Für Reisen in die EU, den EWR und die Schweiz reicht die Rückseite Ihrer Gesundheitskarte. Für andere Abkommensländer stellen wir Ihnen eine Anspruchsbescheinigung aus.'],
    fields: ['Name, Vorname', 'Versichertennummer', 'Reiseland', 'Reisezeitraum', 'Grund des Aufenthalts'],
  },
];

export function findForm(slug: string): InsurerForm | undefined {
  return insurerForms.find((f) => f.slug === slug);
}

/** Forms whose title, summary or code contain every word of the query, case and umlauts aside. */
export function searchForms(query: string | undefined): InsurerForm[] {
  const fold = (s: string) => s.toLocaleLowerCase('de-DE').normalize('NFKD').replace(/\p{M}/gu, '');
  const words = fold(query ?? '').split(/\s+/).filter(Boolean);
  if (words.length === 0) return insurerForms;
  return insurerForms.filter((f) => {
    const text = fold(`${f.title} ${f.summary} ${f.code}`);
    return words.every((w) => text.includes(w));
  });
}
