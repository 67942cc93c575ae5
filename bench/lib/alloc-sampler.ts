// Preload (`node --import bench/lib/alloc-sampler.ts ...`) for bench/profile.ts --alloc: samples
// every allocation of the process, garbage included (V8's sampling heap profiler drops collected
// objects unless asked not to), and writes the profile to $AIMESH_ALLOC_PROFILE at exit. The
// same-thread inspector session answers synchronously, so the exit handler can stop and write.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const out = process.env.AIMESH_ALLOC_PROFILE;
if (out) {
  const session = new Session();
  session.connect();
  session.post('HeapProfiler.startSampling', {
    samplingInterval: Number(process.env.AIMESH_ALLOC_INTERVAL ?? 4096),
    // AIMESH_ALLOC_LIVE=1: only what is still in the heap at exit: start-up state, and per-call
    // garbage that was promoted to the old generation and not yet collected (what costs major GCs).
    includeObjectsCollectedByMajorGC: !process.env.AIMESH_ALLOC_LIVE,
    includeObjectsCollectedByMinorGC: !process.env.AIMESH_ALLOC_LIVE,
  });
  // A process without its own SIGTERM handler (the floor proxy) would die without 'exit'.
  const onTerm = () => {
    if (process.listenerCount('SIGTERM') === 0) process.exit(0);
  };
  process.once('SIGTERM', onTerm);
  process.once('exit', () => {
    session.post('HeapProfiler.stopSampling', (err, res) => {
      if (!err) writeFileSync(out, JSON.stringify(res.profile));
    });
  });
}
