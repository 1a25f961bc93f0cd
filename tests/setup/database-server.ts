// Helpers for test and benchmark setups that create databases on a PostgreSQL server (tests/setup,
// tests/e2e/test-portal.ts, scripts/bench/pages.ts): the URL of another database on the same server, and a
// short-lived admin connection.
import pg from 'pg';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
