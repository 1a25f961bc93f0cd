// A PDF rendering thread (see lib/pdf/pool.ts). Loaded by absolute path, not bundled by Next.js; it
// renders one job at a time and keeps its registered fonts between jobs.
import { parentPort, workerData } from 'node:worker_threads';
import { renderJob } from './document.mjs';

parentPort.on('message', async ({ id, job }) => {
  try {
    const buffer = await renderJob(job, workerData.root);
    // A copy of our own, so transferring it cannot detach a buffer Node shares with other allocations.
    const pdf = new Uint8Array(buffer);
    parentPort.postMessage({ id, ok: true, pdf }, [pdf.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
