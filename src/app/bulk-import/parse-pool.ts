import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseDocument } from '../../import/parse-document.ts';
import type { ParseOutcome } from '../../import/types.ts';

/*
 * Parsing is pure CPU work; the database work of an import runs on the main thread (PGlite runs
 * there too). A few worker threads parse the next documents while the main thread stores the
 * current one. Each worker runs parseDocument unchanged, so DOCX, PDF and HTML still go through
 * the importer's own time- and memory-limited converter worker.
 */

export interface ParsePool {
  parse(bytes: Uint8Array, name: string): Promise<ParseOutcome>;
  /** Parallel parses the pool can run (how far an import should read ahead). */
  readonly size: number;
  close(): Promise<void>;
}

/** One worker less than the cores (the main thread writes), at least 1 and at most 4. */
export function defaultPoolSize(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

export function createParsePool(size: number = defaultPoolSize()): ParsePool {
  if (size <= 0) return { parse: (bytes, name) => parseDocument(bytes, name), size: 1, close: async () => {} };
  type Job = { id: number; bytes: Uint8Array; name: string; resolve: (o: ParseOutcome) => void; reject: (e: Error) => void };
  const idle: Worker[] = [];
  const all: Worker[] = [];
  const running = new Map<Worker, Job>();
  const queue: Job[] = [];
  let nextId = 0;

  const start = (): Worker => {
    const worker = new Worker(new URL('./parse-worker.mjs', import.meta.url), { execArgv: [] });
    // Not unref'd: an import awaiting a parse must keep the process alive; close() ends the workers.
    worker.on('message', (message: { id: number; outcome?: ParseOutcome; error?: string }) => {
      const job = running.get(worker);
      running.delete(worker);
      if (job) message.outcome ? job.resolve(message.outcome) : job.reject(new Error(message.error ?? 'Parser-Worker ohne Antwort'));
      idle.push(worker);
      dispatch();
    });
    worker.on('error', (error) => {
      const job = running.get(worker);
      running.delete(worker);
      job?.reject(error);
      all.splice(all.indexOf(worker), 1);
      all.push(start());
      idle.push(all[all.length - 1]!);
      dispatch();
    });
    return worker;
  };
  for (let i = 0; i < size; i++) {
    const worker = start();
    all.push(worker);
    idle.push(worker);
  }
  const dispatch = () => {
    while (idle.length && queue.length) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      running.set(worker, job);
      // Transfer a compact copy: the caller's buffer stays usable for hashing and messages.
      const bytes = job.bytes.slice();
      worker.postMessage({ id: job.id, bytes, name: job.name }, [bytes.buffer]);
    }
  };
  return {
    size,
    parse: (bytes, name) =>
      new Promise((resolve, reject) => {
        queue.push({ id: nextId++, bytes, name, resolve, reject });
        dispatch();
      }),
    close: async () => {
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
