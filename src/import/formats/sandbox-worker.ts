import { parentPort } from 'node:worker_threads';
import { docxToMarkdown } from './docx.ts';
import { htmlToMarkdown, TooDeepError } from './html.ts';
import { PdfEncryptedError, pdfToText } from './pdf.ts';
import type { ConvertJob, ConvertOutcome } from './sandbox.ts';

// A library's stray rejection after a job has answered must not end the worker.
process.on('unhandledRejection', () => undefined);
// Library chatter (pdf.js warnings about broken files) must not reach the CLI's output, which may be JSON.
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = () => undefined;

async function convert(job: ConvertJob): Promise<ConvertOutcome> {
  try {
    if (job.kind === 'docx') return { ok: true, text: await docxToMarkdown(job.parts) };
    if (job.kind === 'html') return { ok: true, text: htmlToMarkdown(job.html, { page: job.page }) };
    const pdf = await pdfToText(job.bytes, job.maxPages);
    return { ok: true, text: pdf.text, pages: pdf.pages, pagesRead: pdf.pagesRead };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (error instanceof PdfEncryptedError) return { ok: false, problem: 'encrypted', detail };
    // Recursion in the libraries ends in a stack overflow on deeply nested input.
    if (error instanceof TooDeepError || error instanceof RangeError) return { ok: false, problem: 'too_deep', detail };
    return { ok: false, problem: 'damaged', detail };
  }
}

parentPort?.on('message', (job: ConvertJob) => {
  void convert(job).then((outcome) => parentPort?.postMessage(outcome));
});
