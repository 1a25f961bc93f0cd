import 'server-only';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { env } from '@/lib/config/env';
import type { LetterSpec, PdfDocumentSpec, PdfJob } from './types';

// @react-pdf/renderer lays out synchronously and uses the CPU for tens of milliseconds per page: run on
// the request thread it would stall every other request. A few worker threads render instead; they
// start on the first render and live as long as the process, keeping their parsed fonts.

const RENDER_TIMEOUT_MS = 30_000;

type Reply = { id: number; ok: true; pdf: Uint8Array } | { id: number; ok: false; error: string };
type Job = { id: number; job: PdfJob; resolve: (pdf: Uint8Array) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; current: Job | null; timer: NodeJS.Timeout | null };

class PdfRenderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(private readonly size: number) {}

  render(job: PdfJob): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.current === null) ?? (this.slots.length < this.size ? this.spawn() : null);
      if (!slot) return;
      const job = this.queue.shift() as Job;
      slot.current = job;
      slot.worker.ref();
      slot.timer = setTimeout(() => this.fail(slot, new Error('PDF rendering timed out')), RENDER_TIMEOUT_MS);
      slot.worker.postMessage({ id: job.id, job: job.job });
    }
  }

  private spawn(): Slot {
    // A plain ES module in the repository, loaded by absolute path: Next.js does not bundle it, and it
    // imports @react-pdf/renderer from node_modules (a serverExternalPackage).
    const root = process.cwd();
    // Scripts run with --conditions=react-server (for `server-only`); a worker inheriting it would load
    // React's server build, which @react-pdf/renderer cannot render with.
    const execArgv = withoutConditions(process.execArgv);
    const worker = new Worker(path.join(root, 'lib', 'pdf', 'worker.mjs'), { workerData: { root }, execArgv });
    const slot: Slot = { worker, current: null, timer: null };
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const job = slot.current;
      if (!job || job.id !== reply.id) return;
      this.finish(slot);
      if (reply.ok) job.resolve(reply.pdf);
      else job.reject(new Error(`PDF rendering failed: ${reply.error}`));
    });
    worker.on('error', (error) => this.fail(slot, error));
    worker.on('exit', (code) => this.fail(slot, new Error(`PDF worker exited (${code})`)));
    this.slots.push(slot);
    return slot;
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.current = null;
    // An idle worker must not keep a script or test process alive.
    slot.worker.unref();
    this.dispatch();
  }

  /** A worker that crashed or hung is replaced; its job fails, the queue goes on. */
  private fail(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    this.slots.splice(index, 1);
    if (slot.timer) clearTimeout(slot.timer);
    const job = slot.current;
    slot.current = null;
    void slot.worker.terminate();
    job?.reject(error);
    this.dispatch();
  }
}

/** Node's arguments without export conditions (`--conditions=x`, `--conditions x`, `-C x`). */
export function withoutConditions(args: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg.startsWith('--conditions=')) continue;
    if (arg === '--conditions' || arg === '-C') {
      i++;
      continue;
    }
    kept.push(arg);
  }
  return kept;
}

// One pool per process: Next.js may load this module once per route bundle, so it lives on globalThis.
const globalForPdf = globalThis as typeof globalThis & { __hekPdfPool?: PdfRenderPool };

function pool(): PdfRenderPool {
  globalForPdf.__hekPdfPool ??= new PdfRenderPool(env().PDF_WORKERS);
  return globalForPdf.__hekPdfPool;
}

export function renderPdf(spec: PdfDocumentSpec): Promise<Uint8Array> {
  return pool().render({ spec });
}

export function renderLetter(letter: LetterSpec): Promise<Uint8Array> {
  return pool().render({ letter });
}

/** A one-line A4 page through the same workers: the benchmark's baseline. */
export function renderBaselinePdf(line: string): Promise<Uint8Array> {
  return pool().render({ baseline: line });
}

/** Stops the workers (tests and scripts); the next render starts new ones. */
export async function closePdfPool(): Promise<void> {
  const current = globalForPdf.__hekPdfPool;
  globalForPdf.__hekPdfPool = undefined;
  await current?.close();
}

/**
 * Response headers for a PDF download that must not be cached anywhere; with the stored SHA-256 (hex),
 * a Content-Digest (RFC 9530) lets a client check it received the document as issued.
 */
export function pdfHeaders(filename: string, sha256?: string): HeadersInit {
  return {
    'Content-Type': 'application/pdf',
    ...(sha256 ? { 'Content-Digest': `sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:` } : {}),
    'Content-Disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    'Cache-Control': 'no-store',
  };
}
