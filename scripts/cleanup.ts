// One pass of the portal's housekeeping (lib/jobs/cleanup.ts), for cron or by hand:
//
//   npm run cleanup
//
// Every portal instance also runs it in the background (CLEANUP_INTERVAL_MINUTES); runs at the same time
// handle each row once. Uses DATABASE_URL, or the embedded database (stop the portal first: PGlite is
// one process). Prints what it removed, as counts.
import { disconnect } from '@/lib/db';
import { describeReport, runCleanup } from '@/lib/jobs/cleanup';

runCleanup()
  .then(async (report) => {
    console.log(`Cleanup: ${describeReport(report)}`);
    await disconnect();
    process.exit(0);
  })
  .catch(async (error: unknown) => {
    console.error('Cleanup failed:', error instanceof Error ? error.message : error);
    await disconnect();
    process.exit(1);
  });
