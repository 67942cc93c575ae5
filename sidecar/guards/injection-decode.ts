// Encoded payloads read as the model reads them once told to decode: an attack hides its order in
// an encoding (binary, decimal or A1Z26 codes, HTML entities, \u and \x escapes, Unicode tag
// characters, Morse, the NATO alphabet, Caesar shifts and Atbash, reversed text, pig latin, base64
// cut in chunks or URL-safe) and asks for it to be decoded and followed. Each decoder reads only
// the runs that look like its encoding, found by one native search; the ones whose shape is common
// in ordinary text (numbers, words) run only on short texts that speak of decoding. The decoded
// texts are matched by the guard's own rules (injection.ts), and "decode this and do what it says"
// next to a blob that decodes to text is an attack in itself (decodeAndObey).

import { isUtf8 } from 'node:buffer';

/** Unicode tag characters (U+E0000 block, "ASCII smuggling"): each stands for one ASCII character. */
const TAGS = /\udb40[\udc20-\udc7e]/g;
/** Three 8-bit binary groups. */
const BINARY = /[01]{8}[ ,]?[01]{8}[ ,]?[01]{8}/;
/**
 * Encodings that are evident in any text: tags, numeric entities, escapes, 8-bit binary groups.
 * Found by the engine's literal search (one regex of them all cost forty times more).
 */
const evident = (text: string) =>
  text.includes('\udb40') ||
  text.includes('&#') ||
  text.includes('\\u') ||
  text.includes('\\x') ||
  (text.includes('01') && BINARY.test(text));
const ENTITY = /&#(?:x([0-9a-f]{1,6})|(\d{1,7}));/gi;
const U_ESCAPE = /\\u(?:([0-9a-f]{4})|\{([0-9a-f]{1,6})\})/gi;
const X_ESCAPES = /(?:\\x[0-9a-f]{2}){4,}/gi;
const BINARY_RUN = /[01]{8}(?:[ ,;]{0,2}[01]{8}){3,}/g;

/** Words that say the text is to be decoded, or name an encoding (folded: lower case, no accents). */
const DECODE_WORDS = [
  'decode',
  'decoding',
  'decoded',
  'decipher',
  'decrypt',
  'unscramble',
  'unwrap',
  'base64',
  'base 64',
  'base32',
  'hex',
  'binary',
  'ascii',
  'morse',
  'cipher',
  'caesar',
  'atbash',
  'rot13',
  'rot-13',
  'rot 13',
  'shift',
  'backwards',
  'reversed',
  'in reverse',
  'pig latin',
  'nato',
  'a=1',
  'a = 1',
  'numbers to letters',
  'encoded',
  // es, pt, it, fr, de
  'decodifica',
  'descodifica',
  'descifra',
  'decifra',
  'decifre',
  'dechiffre',
  'decrypte',
  'dekodier',
  'entschlussel',
  'al reves',
  'al contrario',
  'ao contrario',
  "a l'envers",
  'ruckwarts',
  'cifrado',
  'codificado',
  'codifica',
  'chiffre',
  'cesar',
  'cesare',
  'kodiert',
  // ru, zh, ja, ko (folded with the guard's normalize where marks are split off)
  'расшифру',
  'декодиру',
  'наоборот',
  'шифр',
  '解码',
  '解密',
  '破译',
  '编码',
  '倒过来',
  'デコード',
  '復号',
  '解読',
  '디코딩',
  '해독',
];

// ---- "decode it and do what it says": a decoding verb, then (in the same sentence) an order to act
const DECODE_VERB =
  "(?:decod|decipher|decrypt|unscrambl|unwrap|convert|translat|read (?:it |this |them )?(?:backwards|in reverse|from right to left|right to left)|reverse (?:it|this|the)|apply rot|join them|decodific|descodific|descifr|decifr|dechiffr|decrypt|traduc|tradu|dekodier|entschlussel|umwandel|lee(?:lo)? al reves|le(?:ia)? ao contrario|leggi(?:lo)? al contrario|lis(?:-le)? a l'envers|ruckwarts lesen|lies (?:es |das )?ruckwarts|расшифру|декодиру|перевед|прочитаи наоборот|解码|解密|破译|翻译|转换|倒过来|デコード|復号|解読|変換|디코딩|해독|변환)";
/** What an order to act on the decoded text names: it, the result, the message ("follow the spec" is not one). */
const ITS_TEXT =
  '(?: ?[:.!,;]|$| (?:it|this|that|them|these|those|what|whatever|exactly|immediately|now|right away|without|the (?:result|output|decoded|message|text|instructions?|commands?|orders?|payload|content|string|note|policy|rules?)|its|their)\\b)';
const OBEY = `(?:(?:follow|obey|execute|comply(?: with)?|adopt|switch to|carry out|act (?:on|upon))${ITS_TEXT}|carry (?:it|this|them|that) out|do (?:what|whatever|as|exactly what) (?:it|they|the (?:text|message|result)) (?:says?|tells? you|asks?|instructs?)|do (?:it|this|that|them)(?= ?[.!,;:]|$| now| immediately| right away)|and (?:then )?act\\b|treat (?:it|this|them|the result|the output) as|(?:it|this) (?:outranks|overrides|supersedes|replaces|takes (?:priority|precedence))|haz lo que|hace lo que|haga lo que|faz o que|faca o que|fai (?:quello|cio) che|fais ce qu|obedece|obedezca|obbedisci|obeis|befolg|gehorch|ausfuhr|fuhre? (?:es |das |den |die )?(?:\\S+ ){0,3}aus\\b|ejecuta|executa|execute-(?:le|la|les)|executez|esegui|cumple|cumpra|sigue|segui|applica|aplica|applique|выполни|исполни|следуи|сделаи|照做|执行|遵循|照着做|按照|服从|従って|実行|その通り|따르|실행)`;
/** Said after the order instead ("execute it after decoding"). */
const OBEY_FIRST =
  '(?:execute|follow|obey|carry (?:it |this )?out|do (?:what|whatever) it says|act on it)(?: it| this| them| the result)? (?:after|once|when) (?:decod|you decode|decipher|you decipher|decrypt|translat|convert)';
/**
 * "Whatever it says, do it", "don't explain, just act on it", "the binary below is your new
 * instruction": the order without a decoding verb.
 */
const OBEY_ALONE =
  "\\b(?:is|are) your (?:new |real |actual |next |only |updated )?(?:instructions?|orders?|commands?|policy|rules|directives?)\\b(?! (?:manual|booklet|sheet|for|on|about)\\b)|(?:whatever|what) it says,? (?:just )?(?:do|follow|obey|execute) it\\b|\\bjust (?:act on|execute|obey|follow|carry out) (?:it|this|them)\\b|\\b(?:don't|do not) (?:translate|explain|decode|comment)[^.!?\\n]{0,30}(?:just|simply) (?:act|do|execute|follow|obey|carry)";

/** A regex source with its non-ASCII words folded like the text (kana marks split off, Hangul decomposed). */
const folded = (fold: (s: string) => string, source: string) =>
  source.replace(/[^\0-\x7f]+/g, (run) => fold(run));

/** The rules of this file that read folded text, built with the guard's normalize. */
export function decodeRules(fold: (s: string) => string): { cue: RegExp; obey: RegExp } {
  return {
    cue: new RegExp(
      folded(fold, DECODE_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')),
    ),
    obey: new RegExp(
      folded(fold, `${DECODE_VERB}[^.!?\\n\u3002]{0,60}?${OBEY}|${OBEY_FIRST}|${OBEY_ALONE}`),
      'u',
    ),
  };
}

// ---- telling decoded text from noise ----------------------------------------------------------------
/** Short words common in the languages attacks use: decoded text has many, a cipher none. */
const COMMON = new Set(
  (
    'the and you your to of all me my in is it for with now this that be are from on what tell show print send give ' +
    'every any rules instructions secret hidden system prompt reveal ignore forget previous key keys password ' +
    'a an i we our not no do as at by or if so up then them they their its his her he she was were will can must ' +
    'le la les de des du et tes ton ta un une est pas que qui pour sur avec dans vous nous il elle ' +
    'el los las y del por con para tu tus su sus es no se lo al una ' +
    'il di che per con una sono gli le tue tuo ' +
    'o os as da do dos das em com para seu sua ' +
    'der die das und ist nicht du dein deine alle mit den dem ein eine zu von auf ' +
    'more also just only here there out about after before into over than which who when where how why but ' +
    'have has had been one two all every each other new old first last same own whole ' +
    'della delle del dei alla al nel nella questo questa tutto tutti ' +
    'este esta esto todo todos como mas ce cette tout tous mais plus sans ' +
    'isso esse essa tudo todos mais sem ' +
    'ich sie wir ihr es im ins dass oder aber'
  ).split(' '),
);
/** The words attacks are made of: a decoding that yields them reads as text. */
const ATTACK_WORDS =
  'ignore forget disregard skip bypass override previous prior earlier above instructions instruction rules ' +
  'guidelines restrictions filters limits system prompt hidden secret password passwords key keys token ' +
  'reveal show print tell give write list output repeat share send email forward post upload delete export ' +
  'transfer copy paste approve refund user users admin developer operator mode safety policy configuration ' +
  'config context data file files chat history conversation message messages assistant model answer reply';
const KNOWN = new Set([...COMMON, ...ATTACK_WORDS.split(' ')]);
const WORDS = /[a-z']+/g;

/** A text's first unknown words of three letters or more (a cipher's are all unknown). */
function uncommonWords(s: string): string[] {
  const words: string[] = [];
  for (const [w] of s.matchAll(WORDS)) {
    if (!KNOWN.has(w) && w.length >= 3 && w.length <= 14) words.push(w);
    if (words.length >= MAX_CIPHER_WORDS) break;
  }
  return words;
}

/** How many of a text's unknown words a decoding turns into known ones. */
function gained(s: string, decode: (w: string) => string, words = uncommonWords(s)): number {
  let n = 0;
  for (const w of words) if (KNOWN.has(decode(w))) n++;
  return n;
}

/**
 * Decoded bytes as text: printable ASCII (the common case, read byte by byte), else valid UTF-8
 * that is nearly all letters, digits, punctuation and spaces; undefined for noise.
 */
export function asText(bytes: Buffer): string | undefined {
  if (bytes.length === 0) return undefined;
  let ascii = 0;
  let high = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b >= 32 && b < 127) || b === 10 || b === 13 || b === 9) ascii++;
    else if (b >= 128) high++;
  }
  if (ascii / bytes.length > 0.95) return bytes.toString('latin1');
  if ((ascii + high) / bytes.length <= 0.95 || !isUtf8(bytes)) return undefined;
  const text = bytes.toString('utf8');
  return (text.match(NOT_TEXT)?.length ?? 0) / text.length < 0.05 ? text : undefined;
}
const NOT_TEXT = /[^\t\n\r\x20-\x7e\p{L}\p{M}\p{N}\p{P}\p{Zs}]/gu;

// ---- the decoders -----------------------------------------------------------------------------------
const EMOJI_RUN = /(?:\p{Extended_Pictographic}\ufe0f?\s?){5,}/u;
const MORSE: Record<string, string> = {};
for (const [l, code] of Object.entries({
  a: '.-',
  b: '-...',
  c: '-.-.',
  d: '-..',
  e: '.',
  f: '..-.',
  g: '--.',
  h: '....',
  i: '..',
  j: '.---',
  k: '-.-',
  l: '.-..',
  m: '--',
  n: '-.',
  o: '---',
  p: '.--.',
  q: '--.-',
  r: '.-.',
  s: '...',
  t: '-',
  u: '..-',
  v: '...-',
  w: '.--',
  x: '-..-',
  y: '-.--',
  z: '--..',
  0: '-----',
  1: '.----',
  2: '..---',
  3: '...--',
  4: '....-',
  5: '.....',
  6: '-....',
  7: '--...',
  8: '---..',
  9: '----.',
}))
  MORSE[code] = l;
const MORSE_RUN = /(?:[.-]{1,6}(?: {1,3}| ?[/|] ?)){5,}[.-]{1,6}/g;
const NATO_WORDS =
  'alfa|alpha|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliett|juliet|kilo|lima|mike|november|oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiskey|whisky|x-ray|xray|yankee|zulu';
const NATO_RUN = new RegExp(`\\b(?:${NATO_WORDS})(?:(?: ?[/|] ?| |, ?)(?:${NATO_WORDS})){3,}\\b`, 'g');
const A1Z26_RUN = /\b\d{1,2}(?:-\d{1,2})+(?:(?: ?[/|] ?| )\d{1,2}(?:-\d{1,2})*){1,}\b/g;
const CODES_RUN = /\b\d{2,3}(?:[ ,;]{1,2}\d{2,3}){5,}\b/g;
const HEX_PAIRS = /\b(?:0x)?[0-9a-f]{2}(?:[ :,]{1,2}(?:0x)?[0-9a-f]{2}){7,}\b/gi;
const URL_SAFE_CHAR = /[A-Za-z0-9_-]/;
const PIG_WORD = /\b([a-z]{2,})ay\b/g;
const REVERSE_CUE =
  /backwards|reversed|in reverse|right to left|al reves|al contrario|ao contrario|a l'envers|ruckwarts|umgekehrt|\u043d\u0430\u043e\u0431\u043e\u0440\u043e\u0442|\u0437\u0430\u0434\u043e\u043c|\u5012\u8fc7\u6765|\u5012\u7740|\u9006\u304b\u3089|\u9006\u3055/;
const PIG_CUE = /pig latin|igpay|atinlay/;
const CAESAR_CUE =
  /caesar|cesar|cesare|casar|atbash|rot ?-?\d{1,2}\b|shift|shifted|cipher|cifrad|chiffr|verschieb|decalage|desplaz|spostament|\u0441\u0434\u0432\u0438\u0433|\u0448\u0438\u0444\u0440|\u51ef\u6492|\u79fb\u4f4d|\u30b7\u30fc\u30b6\u30fc/;
const STATED_SHIFT =
  /\b(?:shift(?:ed)?(?: (?:by|of|back|forward))*|rot ?-?|desplazamiento(?: de)?|decalage(?: de)?|spostamento(?: di)?|verschiebung(?: um)?|um|\u0441\u0434\u0432\u0438\u0433(?: \u043d\u0430)?) ?(\d{1,2})\b/;
/** Tokens a cipher decoding is judged on: the first ones not already common words. */
const MAX_CIPHER_WORDS = 400;

/** Each letter a-z mapped by `to`, other characters kept. */
function mapLetters(s: string, to: (c: number) => number): string {
  // In place in a flat copy (a string built by += is a rope, slower to match).
  const bytes = Buffer.from(s, 'utf16le');
  const units = new Uint16Array(bytes.buffer, bytes.byteOffset, s.length);
  for (let i = 0; i < units.length; i++) {
    const c = units[i];
    if (c >= 97 && c <= 122) units[i] = to(c - 97) + 97;
  }
  return bytes.toString('utf16le');
}
const shift = (s: string, k: number) => mapLetters(s, (c) => (c + k + 26) % 26);
const atbash = (s: string) => mapLetters(s, (c) => 25 - c);

/** A word's letters as distances from its first letter: the same for a word and any Caesar shift of it. */
function shape(w: string): string {
  const first = w.charCodeAt(0);
  let out = '';
  for (let i = 1; i < w.length; i++) out += String.fromCharCode(97 + ((w.charCodeAt(i) - first + 26) % 26));
  return `${w.length}${out}`;
}
/** Known words by shape: a word's shape finds, in one look-up, every shift that makes it known. */
const BY_SHAPE = new Map<string, number[]>();
for (const w of KNOWN)
  if (/^[a-z]{3,}$/.test(w)) {
    const k = shape(w);
    BY_SHAPE.set(k, [...(BY_SHAPE.get(k) ?? []), w.charCodeAt(0) - 97]);
  }

/**
 * The Caesar shift (or Atbash) that makes the most of a text's unknown words known, when it makes
 * at least 3 (2 for a shift the text states: two readings to try, not 26). One look-up a word.
 */
function bestCipher(text: string, stated?: number): ((s: string) => string) | undefined {
  const counts = new Array<number>(27).fill(0);
  for (const w of uncommonWords(text)) {
    if (!/^[a-z]+$/.test(w)) continue;
    for (const first of BY_SHAPE.get(shape(w)) ?? []) counts[(first - (w.charCodeAt(0) - 97) + 26) % 26]++;
    if (KNOWN.has(atbash(w))) counts[26]++;
  }
  const allowed =
    stated === undefined ? [...Array(27).keys()].slice(1) : [(26 - (stated % 26)) % 26, stated % 26];
  let best = -1;
  let bestCount = stated === undefined ? 2 : 1;
  for (const k of allowed)
    if (counts[k]! > bestCount) {
      bestCount = counts[k]!;
      best = k;
    }
  if (best < 0) return undefined;
  return best === 26 ? atbash : (s) => shift(s, best);
}

/**
 * Pig latin read back: "ouryay" -> "your" (one consonant moved), "eviouspray" -> "previous" (two),
 * "andway" -> "and" (a vowel-initial word). A word alone cannot say how many letters moved: the
 * first reading that gives a known word wins, else one.
 */
function fromPigLatin(text: string): string {
  return text.replace(PIG_WORD, (word: string, stem: string) => {
    const readings: string[] = [];
    for (let k = 1; k <= 3 && k < stem.length; k++)
      if (!/[aeiou]/.test(stem.slice(-k))) readings.push(stem.slice(-k) + stem.slice(0, -k));
    if (/^[aeiou]/.test(stem) && /[why]$/.test(stem)) readings.push(stem.slice(0, -1));
    return readings.find((r) => KNOWN.has(r)) ?? readings[0] ?? word;
  });
}

function fromMorse(run: string): string {
  return run
    .split(/ ?[/|] ?| {3}/)
    .map((word) =>
      word
        .split(/ +/)
        .map((c) => MORSE[c] ?? '')
        .join(''),
    )
    .join(' ');
}

/** A decoded blob wrapped again (base64 of ROT13): its letters read through the cipher that makes them text. */
export function rewrapped(decoded: string): string | undefined {
  if (decoded.length > 4096) return undefined;
  const lower = decoded.toLowerCase();
  return bestCipher(lower)?.(lower);
}

export interface Decoding {
  /** The decoded texts (raw: the caller normalizes them). */
  texts: string[];
  /** Whether some blob decoded to readable text: "decode and obey" needs one. */
  encoded: boolean;
  /**
   * Whether the text hides a sentence from its reader in tag characters (what only evasion writes;
   * a flag emoji's few tags spell no sentence). Zero-width characters between letters are not
   * counted: pasted documents carry many, and normalize reads the words through them anyway.
   */
  hidden: boolean;
}

/**
 * The encoded payloads of a text (raw) and of its normalized copy `n`. `cued`: the text is short
 * and speaks of decoding (decodeRules' cue), so the decoders whose shapes also occur in ordinary
 * text (numbers, words) run too. `runs`: the text's base64 runs (injection.ts rawFacts).
 */
export function decodePayloads(text: string, n: string, cued: boolean, runs: readonly string[]): Decoding {
  const texts: string[] = [];
  let encoded = false;
  let hidden = false;
  const keep = (decoded: string | undefined, readable = true) => {
    if (decoded === undefined || decoded.trim() === '') return;
    texts.push(decoded);
    if (readable) encoded = true;
  };
  if (evident(text)) {
    if (text.includes('\udb40')) {
      const tagged = [...text.matchAll(TAGS)].map((m) => String.fromCharCode(m[0].charCodeAt(1) - 0xdc00));
      if (tagged.length >= 8) {
        keep(tagged.join(''));
        hidden = tagged.includes(' ');
      }
    }
    if (text.includes('&#'))
      keep(
        text.replace(
          ENTITY,
          (e, hex?: string, dec?: string) => codePoint(hex ? parseInt(hex, 16) : Number(dec)) ?? e,
        ),
      );
    if (text.includes('\\u'))
      keep(text.replace(U_ESCAPE, (e, a?: string, b?: string) => codePoint(parseInt(a ?? b!, 16)) ?? e));
    if (text.includes('\\x'))
      for (const m of text.matchAll(X_ESCAPES)) keep(asText(Buffer.from(m[0].replace(/\\x/gi, ''), 'hex')));
    if (BINARY.test(text))
      for (const m of text.matchAll(BINARY_RUN)) {
        const bits = m[0].replace(/[^01]/g, '');
        const bytes = Buffer.alloc(bits.length >> 3);
        for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
        keep(asText(bytes));
      }
  }
  if (!cued) return { texts, encoded, hidden };
  // A text that speaks of decoding: the shapes that ordinary text has too. A message in emoji
  // (each standing for a letter or a word) is a blob no decoder reads.
  encoded ||= EMOJI_RUN.test(text);
  for (const m of text.matchAll(MORSE_RUN)) keep(fromMorse(m[0]));
  for (const m of n.matchAll(NATO_RUN))
    keep(
      m[0]
        .split(/ ?[/|] ?/)
        .map((w) =>
          w
            .split(/[ ,]+/)
            .map((x) => x.charAt(0))
            .join(''),
        )
        .join(' '),
    );
  for (const m of n.matchAll(A1Z26_RUN)) {
    const words = m[0].split(/ ?[/|] ?| /).map((w) => w.split('-').map(Number));
    if (words.flat().every((x) => x >= 1 && x <= 26))
      keep(words.map((w) => w.map((x) => String.fromCharCode(96 + x)).join('')).join(' '));
  }
  for (const m of n.matchAll(CODES_RUN)) {
    const codes = m[0].split(/[ ,;]+/).map(Number);
    if (codes.every((c) => c >= 32 && c <= 126)) keep(String.fromCharCode(...codes));
  }
  for (const m of text.matchAll(HEX_PAIRS)) keep(asText(Buffer.from(m[0].replace(/0x|[ :,]/gi, ''), 'hex')));
  // Base64 cut in chunks ("part 1: ... part 2: ...") read joined, and in the URL-safe alphabet (a
  // run the guard found, read on across "-" and "_").
  if (runs.length >= 2) keep(asText(Buffer.from(runs.map((r) => r.replace(/=+$/, '')).join(''), 'base64')));
  for (const run of runs) {
    const at = text.indexOf(run);
    let start = at;
    let end = at + run.length;
    while (start > 0 && URL_SAFE_CHAR.test(text.charAt(start - 1))) start--;
    while (end < text.length && URL_SAFE_CHAR.test(text.charAt(end))) end++;
    const whole = text.slice(start, end);
    if (/[-_]/.test(whole)) keep(asText(Buffer.from(whole.replace(/-/g, '+').replace(/_/g, '/'), 'base64')));
  }
  // Ciphers of letters: reversed, pig latin, a Caesar shift (stated or found) and Atbash.
  if (REVERSE_CUE.test(n)) {
    // Read whole (characters reversed) and word by word (the words' order reversed).
    const readable = gained(n, (w) => reverse(w)) >= 1;
    keep(reverse(n), readable);
    keep(n.split(' ').reverse().join(' '), false);
  }
  if (PIG_CUE.test(n)) keep(fromPigLatin(n), gained(n, (w) => fromPigLatin(w)) >= 2);
  if (CAESAR_CUE.test(n)) {
    const stated = STATED_SHIFT.exec(n)?.[1];
    const f = bestCipher(n, stated === undefined ? undefined : Number(stated));
    if (f) keep(f(n));
  }
  for (const d of texts.slice()) keep(rewrapped(d));
  return { texts, encoded, hidden };
}

const BASE32 = /^[A-Z2-7]{16,}=*$/;
/** Base32 (RFC 4648) decoded when it reads as text; undefined for a run of other characters. */
export function fromBase32(run: string): string | undefined {
  if (!BASE32.test(run)) return undefined;
  const digits = run.replace(/=+$/, '');
  const bytes = Buffer.alloc(Math.floor((digits.length * 5) / 8));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    value = (value << 5) | (c >= 65 ? c - 65 : c - 24);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (value >> bits) & 255;
    }
  }
  return asText(bytes);
}

/** Base64 decoded (UTF-8 or Latin-1) when it reads as text. */
export function fromBase64(run: string): string | undefined {
  return asText(Buffer.from(run, 'base64'));
}

const BEYOND_LATIN1 = /[^\0-\xff]/;
/**
 * The text's code units in reverse order, as one flat string: a string built by += is a rope, and
 * the matching loops slow down for every text once they have seen one.
 */
export function reverse(s: string): string {
  if (!BEYOND_LATIN1.test(s)) return Buffer.from(s, 'latin1').reverse().toString('latin1');
  const bytes = Buffer.from(s, 'utf16le');
  new Uint16Array(bytes.buffer, bytes.byteOffset, s.length).reverse();
  return bytes.toString('utf16le');
}

/** A code point as a string, when it is one. */
function codePoint(c: number): string | undefined {
  return c > 0 && c <= 0x10ffff ? String.fromCodePoint(c) : undefined;
}

// ---- obfuscated words: read with the obfuscation undone (no blob: these are the text itself) -------
/** Three or more single letters joined by one separator ("r.e.v.e.a.l", "k#e#y#s", "a/p/i"). */
const SPACED_WORD = /(?<![\p{L}\p{N}])\p{L}(?:[._#/+~-]\p{L}){2,}(?![\p{L}\p{N}])/gu;
const SPACED_HINT = /(?:^|\s)[^\s._#/+~-][._#/+~-][^\s._#/+~-][._#/+~-][^\s._#/+~-](?:\s|$|[._#/+~-])/;
const MARKS_HINT = /[a-z\u00c0-\uffff][*~]+[a-z\u00c0-\uffff]/i;
/** Emphasis marks inside a word ("**dis**re**gard**"). */
const MARKS_IN_WORD =
  /(?<=\p{L})[*~]+(?=\p{L})|(?<![\p{L}\p{N}])[*~]+(?=\p{L})|(?<=\p{L})[*~]+(?![\p{L}\p{N}])/gu;
/** A Latin letter next to a Cyrillic one: a Russian word written partly in Latin look-alikes. */
const MIXED_SCRIPT = /[\u0400-\u04ff][a-zA-Z]|[a-zA-Z][\u0400-\u04ff]/;
/** Words of Latin and Cyrillic letters (a mixed one is read in Cyrillic). */
const LATIN_OR_CYRILLIC_WORD = /[a-zA-Z\u0400-\u04ff]+/g;
/** Cyrillic letters no Latin letter imitates. */
const CYRILLIC_ONLY =
  /[\u0431\u0432\u0433\u0434\u0451\u0436\u0437\u0438\u0439\u043b\u043f\u0444\u0446\u0447\u0448\u0449\u044a\u044b\u044c\u044d\u044e\u044f\u0411\u0413\u0414\u0401\u0416\u0417\u0418\u0419\u041b\u041f\u0424\u0426\u0427\u0428\u0429\u042a\u042b\u042c\u042d\u042e\u042f]/;
const AS_CYRILLIC: Record<string, string> = {
  a: 'а',
  b: 'в',
  c: 'с',
  e: 'е',
  h: 'н',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  t: 'т',
  x: 'х',
  y: 'у',
  u: 'и',
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};

/**
 * The text with its words' obfuscation undone, where it has some: letters cut by a separator
 * joined, emphasis marks inside words dropped, Russian words written with Latin look-alikes read
 * in Cyrillic (normalize reads look-alikes the other way, as Latin).
 */
export function unobfuscated(text: string): string[] {
  const out: string[] = [];
  // Each found first by a quick search without Unicode classes (several times cheaper).
  if (SPACED_HINT.test(text)) out.push(text.replace(SPACED_WORD, (w) => w.replace(/[._#/+~-]/g, '')));
  if (MARKS_HINT.test(text)) out.push(text.replace(MARKS_IN_WORD, ''));
  if (MIXED_SCRIPT.test(text))
    out.push(
      text.replace(LATIN_OR_CYRILLIC_WORD, (w) =>
        // A Cyrillic letter no Latin one imitates, or mostly Cyrillic: the Latin letters are the look-alikes.
        MIXED_SCRIPT.test(w) &&
        (CYRILLIC_ONLY.test(w) || (w.match(/[\u0400-\u04ff]/g)?.length ?? 0) * 2 >= w.length)
          ? w.replace(/[a-zA-Z]/g, (c) => AS_CYRILLIC[c] ?? c)
          : w,
      ),
    );
  return out;
}
