import { env } from '@/lib/config/env';
import { sqlStatementCount } from '@/lib/db';

/**
 * How many SQL statements this server process has sent so far (scripts/bench/pages.ts reads it before and
 * after one page view). Exists only with BENCH_ROUTES=1.
 */
export async function GET() {
  if (env().BENCH_ROUTES !== '1') return new Response('Not Found', { status: 404 });
  return Response.json({ statements: sqlStatementCount() }, { headers: { 'Cache-Control': 'no-store' } });
}
