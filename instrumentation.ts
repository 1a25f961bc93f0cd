// Next.js runs register() once when a server instance starts: bring the database schema up to date
// before the first request. Several instances starting together are serialised by lib/db/migrate.
export async function register(): Promise<void> {
  // The edge runtime has no database drivers; importing lib/db there would break its bundle.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { applyMigrations } = await import('./lib/db/migrate');
  await applyMigrations();
  // Mail delivery: with SMTP configured, queued mails (lib/mail/outbox.ts) are sent in the background.
  const smtpUrl = process.env.SMTP_URL;
  if (smtpUrl) {
    const { env } = await import('./lib/config/env');
    const { startOutboxSender } = await import('./lib/mail/sender');
    const config = env();
    startOutboxSender({ url: smtpUrl, from: config.MAIL_FROM, intervalSeconds: config.MAIL_POLL_SECONDS });
  }
}
