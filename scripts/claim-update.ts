// Sends a case update from the insurer's systems to a member's case, through applyCaseUpdate()
// (lib/claims/updates.ts), the way deliver-letter does for letters.
//
//   npm run claim:update -- --reference KG-DEMO-0001 --status IN_REVIEW [--medical-service] [--note "…"]
//   npm run claim:update -- --reference KG-DEMO-0001 --sick-note 2026-12-01:2026-12-11 [--channel EAU|UPLOAD|POST]
//   npm run claim:update -- --reference KG-DEMO-0001 --payment 2026-11-01:2026-11-30 --daily 9850 [--paid-on 2026-12-01] [--iban "DE89 **** **** **** **30 00"]
//   npm run claim:update -- --reference KKG-DEMO-0002 --request "Ärztliche Bescheinigung" [--request "…"]
//
// Uses DATABASE_URL, or the embedded database (stop the portal first: PGlite is one process).
import { parseArgs } from 'node:util';
import { disconnect } from '@/lib/db';
import { isoDate } from '@/lib/insurance/calendar';
import { applyCaseUpdate, type CaseUpdate } from '@/lib/claims/updates';

function update(): CaseUpdate | null {
  const { values } = parseArgs({
    options: {
      reference: { type: 'string' },
      status: { type: 'string' },
      'medical-service': { type: 'boolean' },
      note: { type: 'string' },
      'sick-note': { type: 'string' },
      channel: { type: 'string' },
      payment: { type: 'string' },
      daily: { type: 'string' },
      'paid-on': { type: 'string' },
      iban: { type: 'string' },
      request: { type: 'string', multiple: true },
    },
  });
  const reference = values.reference;
  if (!reference) return null;
  const range = (v: string) => v.split(':') as [string, string];
  if (values.status) return { kind: 'status', reference, status: values.status as 'IN_REVIEW', medicalService: values['medical-service'], note: values.note };
  if (values['sick-note']) {
    const [start, end] = range(values['sick-note']);
    return { kind: 'sick-note', reference, start, end, channel: (values.channel ?? 'EAU') as 'EAU' };
  }
  if (values.payment) {
    const [periodStart, periodEnd] = range(values.payment);
    return { kind: 'payment', reference, periodStart, periodEnd, dailyAmountCents: Number(values.daily), paidOn: values['paid-on'] ?? isoDate(new Date()), ibanMasked: values.iban ?? 'DE89 **** **** **** **30 00' };
  }
  if (values.request?.length) return { kind: 'documents-requested', reference, documents: values.request };
  return null;
}

async function main(): Promise<number> {
  const input = update();
  if (!input) {
    console.error('Usage: npm run claim:update -- --reference <Aktenzeichen> (--status IN_REVIEW|APPROVED|DECLINED | --sick-note FROM:TO | --payment FROM:TO --daily CENTS | --request TEXT)');
    return 2;
  }
  const result = await applyCaseUpdate(input);
  console.log(`Updated case ${result.caseId}${result.letterId ? `; letter ${result.letterId} delivered` : ''}.`);
  return 0;
}

main()
  .then(async (code) => {
    await disconnect();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await disconnect();
    process.exit(1);
  });
