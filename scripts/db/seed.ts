// Seeds the demo members into the configured database (PostgreSQL or embedded PGlite). Idempotent.
// Run as CommonJS by tsx (package.json has no "type"), hence main() instead of top-level await.
import { seedDemo, demoMembers } from '@/prisma/seed/demo';
import { prisma, disconnect } from '@/lib/db';

async function main() {
  await seedDemo(prisma);
  console.log(`Demo data ready: ${demoMembers.length} members.`);
  await disconnect();
}

main().catch(async (error: unknown) => {
  console.error(error);
  await disconnect();
  process.exit(1);
});
