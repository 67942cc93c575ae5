// How long the PII stream masker (sidecar/guards/stream.ts) holds a reply's words back when a model
// streams one word per chunk, as the bench upstream and most providers do: per text, the chunks
// that arrive before its first word leaves (the added time to first chunk, in chunk intervals; one
// is the least a masker can wait: a word may go on in the next chunk) and each word's mean wait.
// The texts: the injection corpora's benign prose, as replies. --root reads another checkout's
// masker and PII finder (an A/B: node bench/stream-hold.ts --root /tmp/old).
//
//   node bench/stream-hold.ts [--root <checkout>]
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { splitChunks } from '../test/support/upstream/text.ts';
import { BLIND_BENIGN } from '../test/unit/policy/injection-corpus-blind.ts';
import { WAVE17_BENIGN } from '../test/unit/policy/injection-corpus-wave17.ts';

const { values } = parseArgs({ options: { root: { type: 'string' } } });
const root = resolve(values.root ?? join(import.meta.dirname, '..'));
const { streamScan } = await import(join(root, 'sidecar/guards/stream.ts'));
const { piiFinder, piiLabel } = await import(join(root, 'sidecar/guards/pii.ts'));
const { PII_TYPES } = await import(join(root, 'sidecar/snapshot/schema.ts'));
const scanner = { action: 'mask' as const, find: piiFinder(PII_TYPES), label: piiLabel };

const texts = [...BLIND_BENIGN, ...WAVE17_BENIGN].map((e) => e.at(-1) as string);
const firstWaits = new Map<number, number>();
let waits = 0;
let words = 0;
for (const text of texts) {
  const chunks = splitChunks(text);
  const s = streamScan(scanner, { onFound: () => {} });
  // released[k]: characters out after chunk k (masks keep lengths close enough to count words).
  let out = 0;
  let sent = 0;
  let next = 0; // the next word not yet out
  const ends = chunks.map((c) => (sent += c.length));
  for (let k = 0; k <= chunks.length; k++) {
    out += (k < chunks.length ? s.push(chunks[k]) : s.end()).length;
    for (; next < chunks.length && ends[next] <= out; next++) {
      const wait = k - next;
      if (next === 0) firstWaits.set(wait, (firstWaits.get(wait) ?? 0) + 1);
      waits += wait;
      words++;
    }
  }
}
const share = (n: number) => `${((100 * n) / texts.length).toFixed(1)}%`;
console.log(`${texts.length} texts, ${words} words, one word per chunk (${root})`);
console.log(
  `first word out after: ${[...firstWaits.entries()]
    .sort(([a], [b]) => a - b)
    .map(([w, n]) => `${w} chunk${w === 1 ? '' : 's'} ${share(n)}`)
    .join(', ')}`,
);
console.log(`a word's mean wait: ${(waits / words).toFixed(3)} chunks`);
