import { parentPort } from 'node:worker_threads';
import { parseDocument } from '../../import/parse-document.ts';

// One job at a time per worker: { id, bytes, name } → { id, outcome }.
parentPort!.on('message', async (job: { id: number; bytes: Uint8Array; name: string }) => {
  try {
    parentPort!.postMessage({ id: job.id, outcome: await parseDocument(job.bytes, job.name) });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
