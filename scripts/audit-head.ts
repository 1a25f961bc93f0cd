// Prints the head of the staff audit chain (sequence number and hash) as JSON, to keep outside the
// database (a ticket, a signed mail, a WORM store). `npm run audit:verify -- --head <file>` checks later
// that the chain still contains that entry unchanged, so that even a rewritten tail is found.
//
//   npm run audit:head > audit-head-$(date +%F).json
import { disconnect } from '@/lib/db';
import { staffAuditHead } from '@/lib/audit/chain';

staffAuditHead()
  .then(async (head) => {
    console.log(JSON.stringify({ ...head, exportedAt: new Date().toISOString() }));
    await disconnect();
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await disconnect();
    process.exit(1);
  });
