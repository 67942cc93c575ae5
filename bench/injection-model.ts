// Trains the learned injection scorer (sidecar/guards/injection-model.ts) and measures how it
// generalises: leave-one-group-out over the corpus's waves (bench/lib/injection-groups.ts).
//
//   node bench/injection-model.ts            leave-one-group-out table
//   node bench/injection-model.ts --write    train on everything, write models/injection-weights.ts
//   node bench/injection-model.ts --heldout  the held-out set (injection-corpus-heldout.ts), once
//   node bench/injection-model.ts --history  time-forward: each wave against the rules of its day
//   node bench/injection-model.ts --cost     CPU per 200 KB text
//   node bench/injection-model.ts --documents <files>  paragraphs of benign documents flagged
//
// Deterministic: fixed seed, fixed order, so every run writes the same weights.
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { detectInjection } from '../sidecar/guards/injection.ts';
import {
  BITS,
  eachFeature,
  type InjectionModel,
  learnedInjection,
  loadModel,
  modelScore,
  type PackedModel,
  pack,
  WINDOW_SPAN,
} from '../sidecar/guards/injection-model.ts';
import { rng } from '../test/support/rng.ts';
import { HELDOUT_ATTACKS, HELDOUT_BENIGN } from '../test/unit/policy/injection-corpus-heldout.ts';
import { type Example, injectionExamples } from './lib/injection-groups.ts';
import { GUARD_TEXTS } from './lib/texts.ts';
import { WORKLOADS } from './lib/workloads.ts';

export const TRAINING = { epochs: 40, rate: 1, l2: 3e-3, seed: 17, warm: 5 };
/** Largest share of benign texts the model alone may flag, as measured out of fold. */
export const TARGET_FP = 0.02;

/** Features of a run of windows: buckets and counts over the square root of the run's feature count. */
interface Run {
  buckets: Int32Array;
  values: Float32Array;
}

function runOf(counts: Map<number, number>): Run {
  let n = 0;
  for (const c of counts.values()) n += c;
  const norm = 1 / Math.sqrt(Math.max(1, n));
  return {
    buckets: Int32Array.from(counts.keys()),
    values: Float32Array.from(counts.values(), (c) => c * norm),
  };
}

const add = (into: Map<number, number>, from: Map<number, number>) => {
  for (const [b, c] of from) into.set(b, (into.get(b) ?? 0) + c);
};

/** A text as modelScore reads it (every run of 1 to WINDOW_SPAN windows in a row), and whole. */
function runsOf(text: string): { runs: Run[]; whole: Run } {
  const windows: Map<number, number>[] = [];
  eachFeature(text, (b, w) => {
    while (windows.length <= w) windows.push(new Map());
    windows[w]!.set(b, (windows[w]!.get(b) ?? 0) + 1);
  });
  const runs: Run[] = [];
  const whole = new Map<number, number>();
  for (let i = 0; i < windows.length; i++) {
    add(whole, windows[i]!);
    const run = new Map<number, number>();
    for (let j = i; j < windows.length && j < i + WINDOW_SPAN; j++) {
      add(run, windows[j]!);
      if (run.size > 0) runs.push(runOf(run));
    }
  }
  return { runs: runs.length > 0 ? runs : [runOf(whole)], whole: runOf(whole) };
}

/**
 * Logistic regression by SGD with L2 (classes weighted to balance), trained as the guard reads a
 * text: as its most attack-like run of windows. After `warm` epochs on whole texts, each step
 * trains on the run the model scores highest (multiple-instance learning): an attack's own
 * sentence rather than the document around it, a benign document's most suspicious paragraph
 * (which cut the flags on package READMEs by three quarters at the same recall).
 */
export function train(examples: readonly Example[], options = TRAINING): InjectionModel {
  const weights = new Float32Array(1 << BITS);
  let bias = 0;
  const rows = examples.map((e) => ({ ...runsOf(e.text), y: e.attack ? 1 : 0 }));
  const attacks = rows.filter((r) => r.y === 1).length;
  const classWeight = [
    rows.length / 2 / Math.max(1, rows.length - attacks),
    rows.length / 2 / Math.max(1, attacks),
  ];
  const score = ({ buckets, values }: Run) => {
    let z = bias;
    for (let k = 0; k < buckets.length; k++) z += weights[buckets[k]!]! * values[k]!;
    return z;
  };
  const next = rng(options.seed);
  const order = rows.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = options.rate / (1 + epoch * 0.1);
    for (const k of order) {
      const { runs, whole, y } = rows[k]!;
      let run = whole;
      let z = score(whole);
      if (epoch >= options.warm) {
        run = runs[0]!;
        z = score(run);
        for (let q = 1; q < runs.length; q++) {
          const zq = score(runs[q]!);
          if (zq > z) [run, z] = [runs[q]!, zq];
        }
      }
      const g = (1 / (1 + Math.exp(-z)) - y) * classWeight[y]!;
      bias -= rate * g;
      const { buckets, values } = run;
      for (let q = 0; q < buckets.length; q++) {
        const b = buckets[q]!;
        weights[b] = weights[b]! * (1 - rate * options.l2) - rate * g * values[q]!;
      }
    }
  }
  return { weights, scale: 1, bias };
}

/** The score above which at most `share` of the benign scores lie. */
export function thresholdFor(benignScores: number[], share = TARGET_FP): number {
  const sorted = [...benignScores].sort((a, b) => b - a);
  const allowed = Math.floor(sorted.length * share);
  return allowed < sorted.length ? Math.max(0.5, sorted[allowed]! + 1e-6) : 0.5;
}

/** Out-of-fold benign scores of the examples: each group scored by a model trained without it. */
function outOfFoldBenign(examples: readonly Example[]): number[] {
  const scores: number[] = [];
  for (const g of new Set(examples.map((e) => e.group))) {
    const model = train(examples.filter((e) => e.group !== g));
    for (const e of examples) if (e.group === g && !e.attack) scores.push(modelScore(model, e.text));
  }
  return scores;
}

/** The rules alone (each of their kinds reaches the default threshold by itself). */
const ruleFlags = (text: string) => detectInjection(text).length > 0;

const pct = (n: number, d: number) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

/** Attacks (a) and benign texts (b), and how many each of model (m), rules (r) and both (rm) flagged. */
interface Tally {
  a: number;
  b: number;
  m: number;
  mf: number;
  r: number;
  rf: number;
  rm: number;
  rmf: number;
}
const emptyTally = (): Tally => ({ a: 0, b: 0, m: 0, mf: 0, r: 0, rf: 0, rm: 0, rmf: 0 });

function count(t: Tally, attack: boolean, model: boolean, rules: boolean): void {
  if (attack) {
    t.a++;
    t.m += +model;
    t.r += +rules;
    t.rm += +(model || rules);
  } else {
    t.b++;
    t.mf += +model;
    t.rf += +rules;
    t.rmf += +(model || rules);
  }
}

function logo(): void {
  const examples = injectionExamples();
  const groups = [...new Set(examples.map((e) => e.group))];
  console.log(
    'group     attacks benign | model alone: recall   FP   (thr) | rules: recall   FP | rules+model: recall   FP',
  );
  const total = emptyTally();
  for (const g of groups) {
    const trainSet = examples.filter((e) => e.group !== g);
    const test = examples.filter((e) => e.group === g);
    const threshold = thresholdFor(outOfFoldBenign(trainSet));
    const model = train(trainSet);
    const t = emptyTally();
    for (const e of test) {
      const m = modelScore(model, e.text) >= threshold;
      const r = ruleFlags(e.text);
      count(t, e.attack, m, r);
    }
    for (const k of Object.keys(t) as (keyof typeof t)[]) total[k] += t[k];
    console.log(
      `${g.padEnd(9)} ${String(t.a).padStart(7)} ${String(t.b).padStart(6)} |        ${pct(t.m, t.a)} ${pct(t.mf, t.b)} (${threshold.toFixed(2)}) |  ${pct(t.r, t.a)} ${pct(t.rf, t.b)} |        ${pct(t.rm, t.a)} ${pct(t.rmf, t.b)}`,
    );
  }
  const t = total;
  console.log(
    `${'all'.padEnd(9)} ${String(t.a).padStart(7)} ${String(t.b).padStart(6)} |        ${pct(t.m, t.a)} ${pct(t.mf, t.b)}        |  ${pct(t.r, t.a)} ${pct(t.rf, t.b)} |        ${pct(t.rm, t.a)} ${pct(t.rmf, t.b)}`,
  );
}

/** The commit whose parent holds the rules as they were before each wave was written. */
const WAVE_COMMITS: [string, string][] = [
  ['wave-1', 'f56c81d'],
  ['wave-2', '56bfb3c'],
  ['wave-3', 'a9ee94d'],
  ['wave-4', 'aa28397'],
  ['wave-6', 'c22636c'],
  ['wave-7', '10117b8'],
  ['wave-8', '81c132a'],
  ['wave-9', '2f6f3a6'],
  ['wave-10', '7028e68'],
  ['wave-11', '3681be1'],
];

/**
 * Time-forward: each wave against the rules as they were before it was written (from git history)
 * and the model trained only on what came before it (the older corpus and earlier waves). The
 * question "had the model been there, what would it have added on a wave nobody had fixed yet?"
 */
async function history(): Promise<void> {
  const examples = injectionExamples();
  const dir = mkdtempSync(join(tmpdir(), 'injml-'));
  console.log(
    'wave      attacks benign | model alone: recall   FP   (thr) | rules then: recall   FP | rules then+model: recall   FP',
  );
  const total = emptyTally();
  const seen = ['older'];
  for (const [g, commit] of WAVE_COMMITS) {
    const at = join(dir, g);
    mkdirSync(at);
    execSync(`git archive ${commit}^ sidecar | tar -x -C ${at}`, { cwd: join(import.meta.dirname, '..') });
    const old = await import(join(at, 'sidecar/guards/injection.ts'));
    const guard = old.injectionGuard({ action: 'block' });
    const then = (text: string) =>
      guard.request({ texts: [{ role: 'user', text }], tokens: () => 0 }) !== undefined;
    const trainSet = examples.filter((e) => seen.includes(e.group));
    // One group gives no out-of-fold threshold: the first wave is the rules' only.
    const threshold = seen.length > 1 ? thresholdFor(outOfFoldBenign(trainSet)) : Infinity;
    const model = train(trainSet);
    const t = emptyTally();
    for (const e of examples.filter((x) => x.group === g)) {
      const m = modelScore(model, e.text) >= threshold;
      const r = then(e.text);
      count(t, e.attack, m, r);
    }
    if (threshold !== Infinity) for (const k of Object.keys(t) as (keyof typeof t)[]) total[k] += t[k];
    console.log(
      `${g.padEnd(9)} ${String(t.a).padStart(7)} ${String(t.b).padStart(6)} |        ${pct(t.m, t.a)} ${pct(t.mf, t.b)} (${threshold.toFixed(2)}) |       ${pct(t.r, t.a)} ${pct(t.rf, t.b)} |             ${pct(t.rm, t.a)} ${pct(t.rmf, t.b)}`,
    );
    seen.push(g);
  }
  rmSync(dir, { recursive: true, force: true });
  const t = total;
  console.log(
    `${'2-11'.padEnd(9)} ${String(t.a).padStart(7)} ${String(t.b).padStart(6)} |        ${pct(t.m, t.a)} ${pct(t.mf, t.b)}        |       ${pct(t.r, t.a)} ${pct(t.rf, t.b)} |             ${pct(t.rm, t.a)} ${pct(t.rmf, t.b)}`,
  );
}

/** The shipped model: trained on every group, its threshold from every group's out-of-fold benign. */
export function shippedModel(): PackedModel {
  const examples = injectionExamples();
  const threshold = thresholdFor(outOfFoldBenign(examples));
  return pack(train(examples), threshold);
}

const WEIGHTS_FILE = new URL('../sidecar/guards/models/injection-weights.ts', import.meta.url);

function write(): void {
  const m = shippedModel();
  const deflated = deflateSync(Buffer.from(m.weights.buffer, m.weights.byteOffset, m.weights.length), {
    level: 9,
  });
  writeFileSync(
    WEIGHTS_FILE,
    `// Generated by \`node bench/injection-model.ts --write\` (deterministic): do not edit.
// The learned injection scorer's weights (sidecar/guards/injection-model.ts): 2^${BITS} int8 weights
// times scale, deflated, in base64.
export const INJECTION_WEIGHTS = {
  scale: ${m.scale},
  bias: ${m.bias},
  threshold: ${m.threshold},
  weights:
    '${deflated.toString('base64')}',
};
`,
  );
  console.log(`wrote ${WEIGHTS_FILE.pathname}: ${deflated.length} bytes deflated, threshold ${m.threshold}`);
}

function heldout(): void {
  const model = loadModel();
  const m = (t: string) => learnedInjection(t, model);
  const row = (name: string, texts: readonly string[]) => {
    const r = texts.filter(ruleFlags).length;
    const ml = texts.filter(m).length;
    const both = texts.filter((t) => ruleFlags(t) || m(t)).length;
    console.log(`${name.padEnd(8)} ${texts.length} | model ${ml} | rules ${r} | rules+model ${both}`);
  };
  row('attacks', HELDOUT_ATTACKS);
  row('benign', HELDOUT_BENIGN);
  for (const t of HELDOUT_ATTACKS) if (!ruleFlags(t) && !m(t)) console.log(`  missed: ${t}`);
  for (const t of HELDOUT_BENIGN)
    if (ruleFlags(t) || m(t)) console.log(`  flagged (${ruleFlags(t) ? 'rules' : 'model'}): ${t}`);
}

/** Benign long documents neither saw: paragraphs (of 40+ characters) the model and the rules flag. */
function documents(files: string[]): void {
  const model = loadModel();
  let paragraphs = 0;
  let byModel = 0;
  let byRules = 0;
  for (const file of files)
    for (const p of readFileSync(file, 'utf8').split(/\n\s*\n/)) {
      if (p.trim().length < 40) continue;
      paragraphs++;
      const m = learnedInjection(p, model);
      const r = ruleFlags(p);
      byModel += +m;
      byRules += +r;
      if (m && !r) console.log(`  model only: ${p.slice(0, 120).replace(/\n/g, ' ')}`);
    }
  console.log(
    `${files.length} files, ${paragraphs} paragraphs | model ${pct(byModel, paragraphs)} | rules ${pct(byRules, paragraphs)}`,
  );
}

/** CPU time of the learned scorer (and the rules, for scale) on the guard bench's 200 KB texts. */
function cost(): void {
  const model = loadModel();
  const texts = {
    ...Object.fromEntries(Object.entries(GUARD_TEXTS).map(([k, f]) => [k, f(200_000)])),
    'chat-200k': JSON.parse(WORKLOADS['chat-200k'].parts('m').join('')).messages[0].content as string,
  };
  const median = (f: () => unknown) => {
    const times: number[] = [];
    for (let i = 0; i < 41; i++) {
      const t0 = process.cpuUsage();
      f();
      const t = process.cpuUsage(t0);
      times.push((t.user + t.system) / 1000);
    }
    return times.sort((a, b) => a - b)[20]!;
  };
  for (const [name, text] of Object.entries(texts)) {
    const flagged = learnedInjection(text, model);
    console.log(
      `${name.padEnd(14)} ${text.length} chars | model ${median(() => learnedInjection(text, model)).toFixed(2)} ms (flags: ${flagged}) | rules ${median(() => detectInjection(text)).toFixed(2)} ms`,
    );
  }
}

const mode = process.argv[2];
if (!import.meta.main) {
  // Imported (the unit test re-trains the shipped model): nothing to run.
} else if (mode === undefined) logo();
else if (mode === '--write') write();
else if (mode === '--heldout') heldout();
else if (mode === '--cost') cost();
else if (mode === '--documents') documents(process.argv.slice(3));
else if (mode === '--history') await history();
