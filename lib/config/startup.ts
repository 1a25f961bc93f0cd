// What a server instance does once at start, in the Node.js runtime only (instrumentation.ts imports this
// module there, so the edge bundle never sees process.exit or the database drivers).
import { env } from './env';

export async function startNodeServer(): Promise<void> {
  // The configuration is checked before anything else: a wrong value, or a demo switch with a public
  // APP_URL, stops the portal with a message that names it.
  try {
    env();
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const { stampSocketAddress } = await import('@/lib/http/socket-address');
  stampSocketAddress();
  // Bring the database schema up to date before the first request; several instances starting together are
  // serialised by lib/db/migrate.
  const { applyMigrations } = await import('@/lib/db/migrate');
  await applyMigrations();
  // Housekeeping (lib/jobs/cleanup.ts): expired rows, ended sessions, sent mails, letters past retention.
  const { startCleanupJob } = await import('@/lib/jobs/cleanup');
  startCleanupJob();
  // Mail delivery: with SMTP configured, queued mails (lib/mail/outbox.ts) are sent in the background.
  const smtpUrl = process.env.SMTP_URL;
  if (smtpUrl) {
    const { startOutboxSender } = await import('@/lib/mail/sender');
    const config = env();
    startOutboxSender({ url: smtpUrl, from: config.MAIL_FROM, intervalSeconds: config.MAIL_POLL_SECONDS });
  }
}
