// A worker thread of the prompt pool (pool.ts): runs one PromptJob at a time and answers with its
// result, or the error message when the work threw (never a crash of the thread).
import { parentPort } from 'node:worker_threads';
import { type PromptJob, promptWork } from './prompt-work.ts';

parentPort?.on('message', (job: PromptJob) => {
  try {
    parentPort!.postMessage({ ok: true, result: promptWork(job) });
  } catch (err) {
    parentPort!.postMessage({ ok: false, error: (err as Error)?.message ?? String(err) });
  }
});
