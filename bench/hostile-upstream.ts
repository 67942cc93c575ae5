// What one hostile upstream costs a real sidecar: peak RSS (VmHWM) and CPU of the sidecar process
// while it refuses a huge answer or a stream whose first event never ends, per path. Not part of
// `make bench`; run by hand when touching sidecar/upstream, the SSE parser or the stream readers:
//   node bench/hostile-upstream.ts [--answer-mib 256] [--event-mib 200] [-- <sidecar flags>]
// Prints one JSON line per case.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { startHostileUpstream } from '../test/support/hostile-upstream.ts';
import { startSidecar, testProvider, testRule } from '../test/support/sidecar.ts';

const MiB = 1024 * 1024;
const { values, positionals } = parseArgs({
  options: {
    'answer-mib': { type: 'string', default: '256' },
    'event-mib': { type: 'string', default: '200' },
  },
  allowPositionals: true,
});

function proc(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]); // utime + stime, 100 per second on Linux
  return { rssMiB: kb('VmRSS') / 1024, peakMiB: kb('VmHWM') / 1024, cpuS: ticks / 100 };
}

const cases = [
  { name: 'answer openai (passthrough)', model: 'oa-answer', anthropicApp: false, stream: false },
  { name: 'answer anthropic (translated)', model: 'an-answer', anthropicApp: true, stream: false },
  { name: 'event openai (passthrough)', model: 'oa-event', anthropicApp: false, stream: true },
  { name: 'event anthropic (translated)', model: 'an-event', anthropicApp: true, stream: true },
  { name: 'event gemini (translated)', model: 'ge-event', anthropicApp: false, stream: true },
];

for (const c of cases) {
  // A fresh sidecar per case: VmHWM is the process's peak so far.
  const up = await startHostileUpstream();
  const sidecar = await startSidecar({
    env: { AIMESH_LOG_LEVEL: 'warn' },
    args: positionals,
    snapshot: {
      workload: { namespace: 'bench' },
      providers: [
        testProvider('h/openai', 'openai', `${up.url}/v1`, 'k', []),
        testProvider('h/anthropic', 'anthropic', up.url, 'k', []),
        testProvider('h/gemini', 'gemini', `${up.url}/v1beta`, 'k', []),
      ],
      routes: [
        {
          id: 'bench/hostile',
          rules: [
            testRule('oa', [{ model: 'oa-*' }], ['h/openai']),
            testRule('an', [{ model: 'an-*' }], ['h/anthropic']),
            testRule('ge', [{ model: 'ge-*' }], ['h/gemini']),
          ],
        },
      ],
      quotas: [],
    },
  });
  try {
    up.mode(
      c.model,
      c.stream
        ? { kind: 'huge-event', bytes: Number(values['event-mib']) * MiB }
        : { kind: 'huge-answer', bytes: Number(values['answer-mib']) * MiB },
    );
    await sleep(300);
    const before = proc(sidecar.proc.pid);
    const started = Date.now();
    const res = await fetch(
      c.anthropicApp
        ? `${sidecar.anthropicBaseURL}/v1/messages`
        : `${sidecar.openaiBaseURL}/chat/completions`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: c.model,
          max_tokens: 10,
          stream: c.stream,
          messages: [{ role: 'user', content: 'hi' }],
        }),
      },
    );
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
    const seconds = (Date.now() - started) / 1000;
    await sleep(1000); // whatever work the sidecar still does once the app has its answer
    const after = proc(sidecar.proc.pid);
    console.log(
      JSON.stringify({
        case: c.name,
        flags: positionals.join(' '),
        status: res.status,
        bytesToApp: bytes,
        seconds,
        upstreamBytesSent: up.requests.at(-1)?.bytesSent,
        rssBeforeMiB: Math.round(before.rssMiB),
        peakRssMiB: Math.round(after.peakMiB),
        cpuSeconds: +(after.cpuS - before.cpuS).toFixed(2),
      }),
    );
  } finally {
    await sidecar.stop();
    await up.close();
  }
}
