// Next.js runs register() once when a server instance starts: check the configuration, bring the database
// schema up to date and start the background jobs before the first request (lib/config/startup.ts).
export async function register(): Promise<void> {
  // Only in the Node.js runtime: the edge runtime has neither the database drivers nor process.exit, and
  // with the work in its own module the edge bundle does not contain it at all.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startNodeServer } = await import('./lib/config/startup');
    await startNodeServer();
  }
}
