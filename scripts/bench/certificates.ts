// Benchmark (not a test) of PDF rendering off the request path. Run: npx tsx scripts/bench/certificates.ts
//
// Starts `next start` from the existing production build on a free port with a fresh database (PGlite,
// or a new database on DATABASE_URL's server), migrated and seeded, with BENCH_ROUTES=1 — or measures
// the portal at BENCH_URL (started with BENCH_ROUTES=1 and TEST_API_TOKEN). Loopback only; every loop
// is bounded in count and time. Prints:
//  1. certificates rendered per second through the download route, as a ratio to a one-line PDF
//     rendered through the same worker pool and the same authentication (bench-baseline route);
//  2. the median latency of a light authenticated page (the Postfach, BENCH_PAGE) while certificates
//     render, as a ratio to the same page with no rendering going on.
import { DEMO_SMART, loginAsSmartMember, median, startPortal, type Portal } from './portal';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const RENDERS = Number(process.env.BENCH_RENDERS ?? 80);
const PAGE_SAMPLES = Number(process.env.BENCH_PAGE_SAMPLES ?? 40);
const PAGE = process.env.BENCH_PAGE ?? '/postfach';
const TIME_LIMIT_MS = 120_000;

async function issueCertificate(portal: Portal): Promise<string> {
  const response = await fetch(`${portal.baseURL}/api/test/certificates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-api-token': portal.token },
    body: JSON.stringify({ kvnr: DEMO_SMART, kind: 'INSURANCE_PERIODS', periodFrom: '2014-01-01', periodTo: '2025-12-31' }),
  });
  const result = (await response.json()) as { ok: boolean; certificateId?: string };
  if (!result.ok || !result.certificateId) throw new Error(`Could not issue a certificate: ${JSON.stringify(result)}`);
  return result.certificateId;
}

async function fetchOk(url: string, cookie: string, type: string): Promise<void> {
  const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  const body = await response.arrayBuffer();
  if (!response.ok || !(response.headers.get('content-type') ?? '').includes(type)) {
    throw new Error(`${url} answered ${response.status} ${response.headers.get('content-type')} (${body.byteLength} bytes)`);
  }
}

/** `count` requests with `concurrency` in flight; returns requests per second. */
async function throughput(url: string, cookie: string, count: number, concurrency: number): Promise<number> {
  let next = 0;
  const deadline = Date.now() + TIME_LIMIT_MS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count && Date.now() < deadline) {
        next++;
        await fetchOk(url, cookie, 'application/pdf');
      }
    }),
  );
  return next / ((performance.now() - started) / 1000);
}

async function pageLatencies(url: string, cookie: string, samples: number): Promise<number[]> {
  const times: number[] = [];
  const deadline = Date.now() + TIME_LIMIT_MS;
  for (let i = 0; i < samples && Date.now() < deadline; i++) {
    const started = performance.now();
    await fetchOk(url, cookie, 'text/html');
    times.push(performance.now() - started);
  }
  return times;
}

async function main(): Promise<void> {
  const portal = await startPortal();
  try {
    const cookie = await loginAsSmartMember(portal.baseURL, DEMO_SMART);
    const certificateId = await issueCertificate(portal);
    const certificateUrl = `${portal.baseURL}/api/certificates/${certificateId}/pdf`;
    const baselineUrl = `${portal.baseURL}/api/certificates/bench-baseline`;
    const pageUrl = `${portal.baseURL}${PAGE}`;

    // Warm-up: starts the workers, loads fonts, compiles the page.
    for (let i = 0; i < 5; i++) {
      await fetchOk(certificateUrl, cookie, 'application/pdf');
      await fetchOk(baselineUrl, cookie, 'application/pdf');
      await fetchOk(pageUrl, cookie, 'text/html');
    }

    const baselineRate = await throughput(baselineUrl, cookie, RENDERS, CONCURRENCY);
    const certificateRate = await throughput(certificateUrl, cookie, RENDERS, CONCURRENCY);

    const idle = await pageLatencies(pageUrl, cookie, PAGE_SAMPLES);
    let rendering = true;
    let rendered = 0;
    const load = Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (rendering) {
          await fetchOk(certificateUrl, cookie, 'application/pdf');
          rendered++;
        }
      }),
    );
    const busy = await pageLatencies(pageUrl, cookie, PAGE_SAMPLES);
    rendering = false;
    await load;

    const idleMedian = median(idle);
    const busyMedian = median(busy);
    console.log('');
    console.log(`Concurrency ${CONCURRENCY}, ${RENDERS} renders per route, ${PAGE_SAMPLES} page samples; PDF_WORKERS of the portal as configured.`);
    console.log(`(1) Certificates per second:   ${certificateRate.toFixed(1)}  | one-line baseline PDF: ${baselineRate.toFixed(1)}  | ratio ${(certificateRate / baselineRate).toFixed(2)}`);
    console.log(`(2) ${PAGE} median latency:  ${busyMedian.toFixed(1)} ms while rendering (${rendered} certificates meanwhile) | ${idleMedian.toFixed(1)} ms idle | ratio ${(busyMedian / idleMedian).toFixed(2)}`);
  } finally {
    await portal.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
