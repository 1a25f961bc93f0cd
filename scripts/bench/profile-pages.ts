// Profiler (not a test): where does a logged-in page spend its server time, against the bare baseline page?
// Run after `npm run build`: npm run bench:profile (DATABASE_URL for PostgreSQL, as bench:pages).
//
// Starts the portal like bench:pages, with Node's CPU profiler (--cpu-prof), logs in as a smart demo member
// and puts each route under load in turn (autocannon, BENCH_CONNECTIONS connections, BENCH_SECONDS each),
// with a pause between the routes. When the server has stopped, the profile is cut at those pauses and each
// route's main-thread time is divided by its requests: milliseconds per request by kind of code, and the
// functions whose own time grew most against the baseline. The profiler slows every route alike; compare
// the routes, not the absolute times. For the functions' real names, profile a `next build --no-mangling`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONNECTIONS, DEMO_SMART, loadRoute, loginAsSmartMember, PAGE_ROUTES as ROUTES, startPortal, warmUp } from './portal';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PAUSE_MS = 3000;

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

/** The kind of code a profile node belongs to, by its script's URL. */
function kindOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) return functionName === '(garbage collector)' || functionName === '(program)' ? functionName : 'native (writev, microtasks, …)';
  if (url.includes('next/dist/compiled/next-server')) return 'React render (Flight, Fizz) and Next.js';
  if (url.includes('next/dist/')) return 'Next.js server';
  if (url.includes('.next/server/')) return 'app bundles (our code, next-intl, zod, jose)';
  if (/node_modules\/(pg|pg-pool|pg-protocol)\//.test(url)) return 'pg';
  if (url.includes('node_modules/')) return 'other packages';
  if (url.startsWith('node:')) return 'Node.js internals (streams, async hooks)';
  return 'other';
}

/**
 * The sample ranges of the busy stretches, split where the server idled for longer than a second; stretches
 * shorter than half a load phase (the shutdown, a cleanup pass) are left out.
 */
function busyStretches(profile: CpuProfile, nodes: Map<number, ProfileNode>): [number, number][] {
  const stretches: { from: number; to: number; micros: number }[] = [];
  let time = profile.startTime;
  let start = -1;
  let startTime = 0;
  let lastBusy = -1;
  let lastBusyTime = 0;
  profile.samples.forEach((id, i) => {
    time += profile.timeDeltas[i] ?? 0;
    if (nodes.get(id)?.callFrame.functionName === '(idle)') return;
    if (start >= 0 && time - lastBusyTime > 1_000_000) {
      stretches.push({ from: start, to: lastBusy, micros: lastBusyTime - startTime });
      start = -1;
    }
    if (start < 0) {
      start = i;
      startTime = time;
    }
    lastBusy = i;
    lastBusyTime = time;
  });
  if (start >= 0) stretches.push({ from: start, to: lastBusy, micros: lastBusyTime - startTime });
  return stretches.filter((s) => s.micros >= (SECONDS * 1_000_000) / 2).map((s) => [s.from, s.to]);
}

function label(frame: CallFrame): string {
  return `${frame.functionName || '(anonymous)'} ${path.basename(frame.url) || '-'}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hek-profile-'));
  const portal = await startPortal({}, { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  const requests: number[] = [];
  try {
    const cookie = await loginAsSmartMember(portal.baseURL, DEMO_SMART);
    // Warmed up first, without pauses: one busy stretch that the cut below leaves out.
    await warmUp(portal.baseURL, cookie);
    for (const route of ROUTES) {
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      requests.push((await loadRoute(portal.baseURL, route, cookie, SECONDS)).requests.total);
    }
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  } finally {
    await portal.stop();
  }

  const file = fs.readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`The server wrote no CPU profile into ${dir}.`);
  const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const stretches = busyStretches(profile, nodes).slice(-ROUTES.length);
  if (stretches.length < ROUTES.length) throw new Error('The profile has fewer busy stretches than routes.');

  const perRoute = ROUTES.map((route, r) => {
    const [from, to] = stretches[r] as [number, number];
    const kinds = new Map<string, number>();
    const functions = new Map<string, number>();
    let total = 0;
    for (let i = from; i <= to; i++) {
      const frame = nodes.get(profile.samples[i] as number)?.callFrame;
      if (!frame || frame.functionName === '(idle)') continue;
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000 / (requests[r] as number);
      total += ms;
      kinds.set(kindOf(frame), (kinds.get(kindOf(frame)) ?? 0) + ms);
      functions.set(label(frame), (functions.get(label(frame)) ?? 0) + ms);
    }
    return { route, total, kinds, functions };
  });

  console.log(`\nMain-thread time per request (ms), with the profiler on; autocannon -c ${CONNECTIONS}, ${SECONDS} s per route, profile ${path.join(dir, file)}`);
  console.log(`${'kind of code'.padEnd(48)}${perRoute.map((r) => r.route.name.padStart(12)).join('')}`);
  const kinds = [...new Set(perRoute.flatMap((r) => [...r.kinds.keys()]))].sort((a, b) => (perRoute[1]?.kinds.get(b) ?? 0) - (perRoute[1]?.kinds.get(a) ?? 0));
  for (const kind of kinds) console.log(`${kind.padEnd(48)}${perRoute.map((r) => (r.kinds.get(kind) ?? 0).toFixed(3).padStart(12)).join('')}`);
  console.log(`${'all'.padEnd(48)}${perRoute.map((r) => r.total.toFixed(3).padStart(12)).join('')}`);
  console.log(`${'requests'.padEnd(48)}${requests.map((n) => String(n).padStart(12)).join('')}`);

  const [baseline, ...pages] = perRoute;
  for (const page of pages) {
    console.log(`\nFunctions whose own time per request grew most, ${page.route.name} against the baseline (ms):`);
    const growth = [...page.functions].map(([name, ms]) => [name, ms - (baseline?.functions.get(name) ?? 0)] as const).sort((a, b) => b[1] - a[1]);
    for (const [name, ms] of growth.slice(0, 15)) console.log(`  ${ms.toFixed(3).padStart(7)}  ${name}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
