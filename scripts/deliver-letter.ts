// Puts a new letter of the insurer into a member's Postfach (or records it for the post when the
// member has App-Kommunikation off), the way the insurer's systems do through deliverLetter().
//
//   npx tsx --conditions=react-server scripts/deliver-letter.ts --kvnr S100000013 --template leistungsbescheid
//
// Templates: see lib/mailbox/templates.ts. Uses DATABASE_URL, or the embedded database (stop the portal
// first: PGlite is one process).
import { parseArgs } from 'node:util';
import { disconnect } from '@/lib/db';
import { deliverLetter } from '@/lib/mailbox/deliver';
import { isLetterTemplate, letterTemplates, templateDelivery } from '@/lib/mailbox/templates';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { kvnr: { type: 'string' }, template: { type: 'string' } } });
  const names = Object.keys(letterTemplates).join(', ');
  if (!values.kvnr || !values.template || !isLetterTemplate(values.template)) {
    console.error(`Usage: npx tsx --conditions=react-server scripts/deliver-letter.ts --kvnr <KVNR> --template <${names}>`);
    return 2;
  }
  const { letterId, channel } = await deliverLetter({ memberKvnr: values.kvnr, ...templateDelivery(values.template) });
  console.log(channel === 'postfach' ? `Delivered letter ${letterId} into the Postfach of ${values.kvnr}.` : `App-Kommunikation is off: letter ${letterId} recorded for postal delivery.`);
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
