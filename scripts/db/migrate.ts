// npm run db:migrate: applies pending migrations from prisma/migrations to the configured database
// (DATABASE_URL, or the embedded PGlite in PGLITE_DATA_DIR). The portal does the same at start.
import { databaseKind, disconnect } from '../../lib/db';
import { applyMigrations } from '../../lib/db/migrate';

async function main(): Promise<void> {
  try {
    const applied = await applyMigrations();
    console.log(
      applied.length === 0
        ? `The ${databaseKind()} database is up to date.`
        : `Applied ${applied.length} migration(s) to the ${databaseKind()} database.`,
    );
  } finally {
    await disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
