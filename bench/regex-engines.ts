// The regular-expression engines considered for patterns from resources (docs/regex.md):
// compile and match time of typical deny patterns over a 200 KB prompt, and of `(a+)+$` over
// 50 KB of "a" (the pattern that froze a sidecar on the backtracking engine).
//   node bench/regex-engines.ts
import v8 from 'node:v8';
import { RE2JS } from 're2js';

// V8's non-backtracking engine is only reachable behind a flag (the `l` flag on a RegExp).
v8.setFlagsFromString('--enable-experimental-regexp-engine');

const PATTERNS = [
  'ignore (all|any|previous) (instructions|rules)',
  'project[-_ ]?(falcon|orion)',
  '\\b(password|passwd|secret)\\s*[:=]',
  '[0-9]{3}-[0-9]{2}-[0-9]{4}',
  'BEGIN (RSA|EC|OPENSSH) PRIVATE KEY',
];
const PATHOLOGICAL = '(a+)+$';

type Tester = { test(s: string): boolean };
const ENGINES: Record<string, { make: (p: string) => Tester; backtracks: boolean }> = {
  'RegExp (backtracking), flag i': { make: (p) => new RegExp(p, 'i'), backtracks: true },
  'V8 experimental linear, flag l (no i)': { make: (p) => new RegExp(p, 'l'), backtracks: false },
  're2js, CASE_INSENSITIVE': {
    make: (p) => {
      const re = RE2JS.compile(p, RE2JS.CASE_INSENSITIVE);
      return { test: (s) => re.test(s) };
    },
    backtracks: false,
  },
};

const words = 'the quick brown fox jumps over lazy dogs while mesh sidecars route calls to providers'.split(
  ' ',
);
let prompt = '';
for (let i = 0; prompt.length < 200_000; i++) prompt += `${words[(i * 7) % words.length]} `;
const hostile = `${'a'.repeat(50_000)}!`;

function ms(f: () => unknown, n: number): number {
  const start = performance.now();
  for (let i = 0; i < n; i++) f();
  return (performance.now() - start) / n;
}

for (const [name, engine] of Object.entries(ENGINES)) {
  const compiled = PATTERNS.map((p) => engine.make(p));
  const compileMs = ms(() => PATTERNS.map((p) => engine.make(p)), 20) / PATTERNS.length;
  for (const re of compiled) re.test(prompt.slice(0, 1000)); // warm up
  const matchMs = ms(() => compiled.map((re) => re.test(prompt)), 5) / PATTERNS.length;
  const patho = engine.backtracks
    ? 'never finishes'
    : `${ms(() => engine.make(PATHOLOGICAL).test(hostile), 5).toFixed(1)} ms`;
  console.log(
    `${name.padEnd(40)} compile ${compileMs.toFixed(3)} ms/pattern, match ${matchMs.toFixed(2)} ms/pattern over 200 KB, ${PATHOLOGICAL} over 50 KB: ${patho}`,
  );
}
