// The texts bench/guards.ts and bench/prompt-work.ts check: ordinary prose, prose dense with the
// words injection phrasings are made of (the benign look-alike corpus, repeated), and prose dense
// with PII (a value every ~120 characters). Deterministic (seeded).
import { rng } from '../../test/support/rng.ts';
import { BENIGN, EXTRA_BENIGN } from '../../test/unit/policy/injection-corpus.ts';
import { PII_POSITIVES } from '../../test/unit/policy/pii-corpus.ts';

const benign = [...BENIGN, ...EXTRA_BENIGN];

const PROSE_WORDS = (
  'the a of and to in that it was for on with as his they at be this from have or by one had not but ' +
  'what all were when we there can an your which their said if do will each about how up out them then ' +
  'she many some so these would other into has more her two like him see time could no make than first ' +
  'been its who now people my made over did down only way find use may water long little very after ' +
  'words called just where most know get through back much before go good new write our used me man ' +
  'too any day same right look think also around another came come work three word must because does ' +
  'part even place well such here take why things help put years different away again off went old ' +
  'number great tell men say small every found still between name should home big give air line set ' +
  'own under read last never us left end along while might next sound below saw something thought both'
).split(' ');
function prose(random: () => number, bytes: number, extra?: () => string): string {
  let out = '';
  while (out.length < bytes) {
    const n = 8 + Math.floor(random() * 14);
    let sentence = '';
    for (let i = 0; i < n; i++) sentence += `${PROSE_WORDS[Math.floor(random() * PROSE_WORDS.length)]} `;
    out += `${sentence[0].toUpperCase()}${sentence.slice(1, -1)}. `;
    if (extra) out += `${extra()} `;
  }
  return out.slice(0, bytes);
}
export const GUARD_TEXTS: Record<string, (bytes: number) => string> = {
  prose: (bytes) => prose(rng(1), bytes),
  // The look-alike corpus, repeated; without its letter-spaced line, which builds before 2026-12-07
  // wrongly read together with a "show the system prompt" elsewhere (and blocked).
  'trigger-dense': (bytes) => {
    const lines = benign.filter((t) => !t.startsWith('The spacing test'));
    let out = '';
    for (let i = 0; out.length < bytes; i++) out += `${lines[i % lines.length]}\n`;
    return out.slice(0, bytes);
  },
  'PII-dense': (bytes) => {
    const random = rng(2);
    let i = 0;
    return prose(random, bytes, () => `Contact: ${PII_POSITIVES[i++ % PII_POSITIVES.length][1]}.`);
  },
};
