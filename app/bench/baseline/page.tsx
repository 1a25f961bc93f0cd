import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { env } from '@/lib/config/env';

const ITEMS = Array.from({ length: 30 }, (_, i) => i + 1);

/**
 * The page benchmark's yardstick (scripts/bench/pages.ts): a bare dynamic page of 30 items, rendered per
 * request by the same server and root layout, with no session and no database. Exists only with BENCH_ROUTES=1.
 */
export default async function BenchBaselinePage() {
  await connection();
  if (env().BENCH_ROUTES !== '1') notFound();
  const now = new Date().toISOString();
  return (
    <main className="p-4">
      <h1 className="text-2xl font-bold">Baseline</h1>
      <ul>
        {ITEMS.map((n) => (
          <li key={n} className="py-1">
            Eintrag {n} · {now}
          </li>
        ))}
      </ul>
    </main>
  );
}
