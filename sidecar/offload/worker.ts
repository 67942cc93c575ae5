// A worker thread of the prompt pool (pool.ts): runs one PromptJob at a time and answers with its
// result, or the error message when the work threw (never a crash of the thread).
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { type PromptJob, promptWork } from './prompt-work.ts';

// This thread runs at the lowest CPU priority (on Linux the nice value is per thread): when the
// event loop and a big prompt's scan share a core (a pod's CPU limit, a pinned process), the event
// loop wins, and the scan takes what is left.
try {
  setPriority(19);
} catch {
  // not permitted or not supported: same priority as the event loop
}

parentPort?.on('message', (job: PromptJob) => {
  try {
    parentPort!.postMessage({ ok: true, result: promptWork(job) });
  } catch (err) {
    parentPort!.postMessage({ ok: false, error: (err as Error)?.message ?? String(err) });
  }
});
