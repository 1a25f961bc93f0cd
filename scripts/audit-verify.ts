// Verifies the staff audit chain from its first entry and names the first broken one (changed, deleted,
// reordered, or a head that does not match). Exit code 0: intact, 1: broken.
//
//   npm run audit:verify                       # the chain in the database
//   npm run audit:verify -- --head head.json   # and that an exported head (npm run audit:head) is still in it
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { disconnect } from '@/lib/db';
import { verifyStaffAuditChain } from '@/lib/audit/chain';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { head: { type: 'string' } } });
  const exported = values.head ? (JSON.parse(fs.readFileSync(values.head, 'utf8')) as { seq: string; hash: string }) : undefined;
  const result = await verifyStaffAuditChain(exported);
  if (result.ok) {
    console.log(`Staff audit chain intact: ${result.entries} entries, head ${result.head.seq} ${result.head.hash}.`);
    return 0;
  }
  console.error(`Staff audit chain BROKEN at entry ${result.brokenAt} (${result.problem}); ${result.entries} entries before it are intact.`);
  return 1;
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
