import { Worker } from 'node:worker_threads';

/*
 * The library conversions (mammoth, pdf.js, turndown) run in one worker thread, so that a
 * pathological file can be stopped: a promise race cannot interrupt synchronous parsing, but
 * terminating the worker can. Jobs run one at a time; a worker that timed out or crashed is
 * replaced by a fresh one for the next job. The worker never keeps the process alive.
 */

export type ConvertJob =
  | { kind: 'docx'; parts: Record<string, Uint8Array> }
  | { kind: 'pdf'; bytes: Uint8Array; maxPages: number }
  | { kind: 'html'; html: string; page: boolean };

export type ConvertOutcome =
  | { ok: true; text: string; pages?: number; pagesRead?: number }
  | { ok: false; problem: 'damaged' | 'encrypted' | 'too_deep' | 'timeout' | 'crashed'; detail: string };

// Heap of the worker: generous for real documents, small enough to stop a memory bomb early.
const resourceLimits = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 };

let worker: Worker | null = null;
let queue: Promise<unknown> = Promise.resolve();

/** Runs one conversion in the worker; never rejects. */
export function convertIsolated(job: ConvertJob, timeLimitMs: number): Promise<ConvertOutcome> {
  const run = queue.then(() => runNow(job, timeLimitMs));
  queue = run;
  return run;
}

/** Stops the worker (tests, shutdown); the next job starts a new one. */
export async function stopConverter(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}

function spawn(): Worker {
  // The bootstrap registers tsx itself, so the worker runs the same TypeScript under node, tsx and vitest.
  const w = new Worker(new URL('./sandbox-worker.mjs', import.meta.url), { execArgv: [], resourceLimits });
  w.unref();
  return w;
}

function runNow(job: ConvertJob, timeLimitMs: number): Promise<ConvertOutcome> {
  const w = (worker ??= spawn());
  return new Promise((resolve) => {
    const finish = (outcome: ConvertOutcome, discard: boolean) => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      if (discard) {
        if (worker === w) worker = null;
        void w.terminate();
      }
      resolve(outcome);
    };
    const onMessage = (outcome: ConvertOutcome) => finish(outcome, false);
    const onError = (error: Error) => finish({ ok: false, problem: 'crashed', detail: error.message }, true);
    const onExit = (code: number) => finish({ ok: false, problem: 'crashed', detail: `exit ${code}` }, true);
    const timer = setTimeout(() => finish({ ok: false, problem: 'timeout', detail: `${timeLimitMs} ms` }, true), timeLimitMs);
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    w.postMessage(job);
  });
}
