// Benchmark (not a test): server CPU per request of the logged-in pages against the bare baseline page,
// paired in time. Run after `npm run build`: npm run bench:cpu (DATABASE_URL for PostgreSQL, as bench:pages).
//
// bench:pages judges the goal by requests per second and p99, which on a noisy machine move by ±15% from
// round to round. This script is the finer instrument for a change: it starts the portal like bench:pages,
// puts the baseline, the Postfach and the Startseite under load in short alternating slices (autocannon,
// BENCH_CONNECTIONS connections, BENCH_SLICE_SECONDS each, BENCH_ROUNDS rounds), reads the server's CPU time
// from /proc before and after each slice, and prints per route the CPU milliseconds per request (all
// threads, and the main thread alone) and, as medians over the rounds, each page's ratio to the baseline of
// its own round: CPU (baseline ÷ page, so comparable with a throughput ratio) and requests per second.
// Compare two builds by running it on each, twice, alternately.
import fs from 'node:fs';
import { CONNECTIONS, DEMO_SMART, loadRoute, loginAsSmartMember, median, PAGE_ROUTES as ROUTES, startPortal, warmUp } from './portal';

const SLICE_SECONDS = Number(process.env.BENCH_SLICE_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);

/** CPU time of a process (or of one of its threads) so far, in milliseconds. */
function cpuMs(pid: number, thread?: number): number {
  const stat = fs.readFileSync(thread ? `/proc/${pid}/task/${thread}/stat` : `/proc/${pid}/stat`, 'utf8');
  // The fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  return (Number(fields[11]) + Number(fields[12])) / ticksPerMs;
}

async function main(): Promise<void> {
  if (process.platform !== 'linux') throw new Error('bench:cpu reads /proc: Linux only.');
  const portal = await startPortal();
  try {
    const pid = portal.pid;
    if (!pid) throw new Error('bench:cpu needs a server it started itself (not BENCH_URL).');
    const cookie = await loginAsSmartMember(portal.baseURL, DEMO_SMART);
    await warmUp(portal.baseURL, cookie);

    const figures = ROUTES.map(() => ({ all: [] as number[], main: [] as number[], rps: [] as number[] }));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [r, route] of ROUTES.entries()) {
        const [all0, main0] = [cpuMs(pid), cpuMs(pid, pid)];
        const result = await loadRoute(portal.baseURL, route, cookie, SLICE_SECONDS);
        const [all1, main1] = [cpuMs(pid), cpuMs(pid, pid)];
        const requests = Math.max(1, result.requests.total);
        figures[r]!.all.push((all1 - all0) / requests);
        figures[r]!.main.push((main1 - main0) / requests);
        figures[r]!.rps.push(result.requests.average);
      }
    }

    const base = figures[0]!;
    console.log(`\nServer CPU per request, ${ROUNDS} rounds of ${SLICE_SECONDS} s per route, autocannon -c ${CONNECTIONS} (${portal.database})`);
    console.log(`${''.padEnd(12)}${'CPU ms/req'.padStart(12)}${'main thread'.padStart(13)}${'req/s'.padStart(8)}   ratios to the baseline of the same round, medians: CPU (all, main thread), req/s`);
    for (const [r, route] of ROUTES.entries()) {
      const f = figures[r]!;
      const ratio = (of: (i: number) => number) => median(f.all.map((_, i) => of(i))).toFixed(2);
      const line = `${route.name.padEnd(12)}${median(f.all).toFixed(2).padStart(12)}${median(f.main).toFixed(2).padStart(13)}${median(f.rps).toFixed(0).padStart(8)}`;
      console.log(r === 0 ? line : `${line}   ${ratio((i) => base.all[i]! / f.all[i]!)}×, ${ratio((i) => base.main[i]! / f.main[i]!)}×, ${ratio((i) => f.rps[i]! / base.rps[i]!)}×`);
    }
  } finally {
    await portal.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
