// The bench's upstream: test/support/upstream.ts as its own process, recording nothing, with the
// streaming workload's pacing as a server-side rule (so it holds whatever a proxy forwards or
// drops: every streamed chat gets 64 chunks, 20 ms apart; the prompt is echoed up to 64 words).
//   node bench/upstream.ts <port> [chunks] [chunkDelayMs]   prints the URL when ready
import { startUpstream } from '../test/support/upstream.ts';

const port = Number(process.argv[2] ?? 0);
const chunks = Number(process.argv[3] ?? 64);
const chunkDelayMs = Number(process.argv[4] ?? 20);
const up = await startUpstream({ port, record: false });
up.setFault((r) => r.stream, { chunks, chunkDelayMs, words: chunks });
console.log(up.url);
const stop = () => void up.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
