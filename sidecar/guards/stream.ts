// Scanning a completion while it streams, chunk-boundary safe, without buffering the stream.
// Text is released as soon as no PII value can still be forming in it. What is held back:
//   - the last word (it may continue in the next chunk: "john.doe" + "@example.com"), plus the
//     words before it that could be groups of one spaced value ("4111 1111 1111" + " 1111",
//     "DE89 3704" + " 0044 ...", "+1 (415)" + " 555-0132"): digits, capitals and - ( ) + . / :
//     (lower-case IBAN groups after their head, "de89 3704"; a number's start glued to the word
//     before it, "手机：138"), so in prose the hold is about one word;
//     Those words are held over one line break too when a digit follows it (or nothing yet): a
//     number wrapped onto the next line ("(202) 464-\n8895") is one value (pii.ts); the words
//     around a spelled-out address's markers ("alex [at] example [dot] com") and the word before a
//     space (a marker may follow it); a connection string's pairs before its password
//     ("Server=...;User" + " ID=...;Password=...");
//   - any match that reaches into that tail (it may still grow: a secret, an unterminated PEM key).
// Up to maxHold characters; past that the text is released (matches in it still masked).
import { applyMasks, type ResponseScanner, type Span } from './guard.ts';

export interface StreamScan {
  /** Text that is safe to send now (masked when the action is mask). */
  push(text: string): string;
  /** The rest, when the stream (or this choice) ends. */
  end(): string;
}

export interface StreamScanOptions {
  /** Called with the spans released (mask, log) or first seen (block). */
  onFound(spans: Span[]): void;
  /** For block: called once, the stream should stop; push/end then return ''. */
  onBlock?(spans: Span[]): void;
  maxHold?: number;
}

const CONTEXT = 64; // characters of released text kept for look-behinds and labels (password: ...)
// An extension word (ext. 12, x204, poste 221) may still follow a phone number.
// Full-width digits and signs count as ASCII ones (the finder reads them so); a quote's first word
// may be a quoted local part's ("john smith"@example.com).
const GROUP =
  /^(?:[0-9A-Z()+\-./:\uff08\uff09\uff0b\uff0d\uff0e\uff10-\uff19]+|[Bb]earer|[Ee]xt(?:n|ension)?\.?|[Pp]oste|x\d*|"[^\s@]+)$/;
// A lower-case IBAN's groups (ie92 zzte 0379 ...): held only when its head (ie92, "lu95 after a
// quote, iban:lu95) comes before them.
const IBAN_GROUP = /^[a-z0-9]{4}$/;
const IBAN_HEAD = /(?:^|[^A-Za-z0-9])[a-z]{2}\d{2}$/;
// The start of a value glued to the word it ends ("手机：138" + " 0013 8000", "tel:+1" + " 415 ...").
const GLUED = /[0-9A-Z()+\-./:\uff08\uff09\uff0b\uff0d\uff0e\uff10-\uff19]+$/;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Where the tail that may still be part of a value starts. */
export function heldTailStart(buf: string, maxTail: number): number {
  let i = buf.length;
  while (i > 0 && !isSpace(buf.charCodeAt(i - 1))) i--;
  if (i === 0) return 0;
  // The start of the last word looked at; lower-case groups since i wait for an IBAN's head.
  let at = i;
  let lowerGroups = false;
  // One line break may be crossed: a number's groups wrapped onto the next line (pii.ts joins
  // them when the line after starts with a digit, or may still).
  let lineBreaks = 0;
  const i0 = i;
  // The word after the one looked at (first the last word, maybe empty).
  let next = buf.slice(i);
  // Whether the word after the one looked at (past a key's middle words) starts a key's rest.
  let keyRestAhead = next === '' || LAST_KEY_REST.test(next);
  let middles = 0;
  for (;;) {
    let j = at;
    while (j > 0 && (buf.charCodeAt(j - 1) === 32 || buf.charCodeAt(j - 1) === 9)) j--;
    if (lineBreaks === 0 && j > 0) {
      let k = j;
      if (buf.charCodeAt(k - 1) === 10 && wrapsNumber(buf, k)) {
        k--;
        if (buf.charCodeAt(k - 1) === 13) k--;
      } else if (buf.charCodeAt(k - 1) === 13 && k === buf.length) k--; // "\r", its "\n" to come
      if (k !== j) {
        lineBreaks++;
        j = k;
        while (j > 0 && (buf.charCodeAt(j - 1) === 32 || buf.charCodeAt(j - 1) === 9)) j--;
      }
    }
    if (j === at || j === 0) break;
    let k = j;
    while (k > 0 && !isSpace(buf.charCodeAt(k - 1))) k--;
    if (buf.length - k > maxTail) break;
    const word = buf.slice(k, j);
    // A spelled-out address ("alex [at] example [dot] com"): its marker words and the words next
    // to them, the last word's a marker may still become (a word just ended: "[at]" may follow).
    if (!lowerGroups && (isMarker(word) || (nextMayMark(next, at === i0) && isAddressWord(word)))) {
      i = at = k;
      next = word;
      // (A key's middle word may be an address's too: "Persist Security Info=...".)
      const middle = keyRestAhead && KEY_MIDDLE.test(word) && middles < 3;
      keyRestAhead = KEY_REST.test(word) || middle;
      middles = middle ? middles + 1 : 0;
      continue;
    }
    // A connection string's pairs before its password, over keys with spaces ("...;User" +
    // " ID=...", "...;Persist" + " Security" + " Info=..."): pii.ts masks it whole. Middle words
    // are held only once the key's first word is found: after pairs ("=...;User") or a string's
    // first key ("Data" of "Data Source=..." at a line's start or after a quote), so a sentence's
    // capitalised first word ("The" + " quick") is not.
    if (!lowerGroups && keyRestAhead) {
      if (KEY_HEAD.test(word) || isFirstKey(buf, k, word)) {
        i = at = k;
        next = word;
        keyRestAhead = KEY_REST.test(word);
        middles = 0;
        continue;
      }
      if (KEY_MIDDLE.test(word) && middles < 3) {
        at = k;
        next = word;
        middles++;
        continue;
      }
    }
    keyRestAhead = KEY_REST.test(word);
    middles = 0;
    next = word;
    if (!lowerGroups && GROUP.test(word)) {
      i = at = k;
      continue;
    }
    if (IBAN_HEAD.test(word)) {
      i = at = k;
      lowerGroups = false;
      continue;
    }
    if (IBAN_GROUP.test(word)) {
      at = k;
      lowerGroups = true;
      continue;
    }
    if (!lowerGroups) {
      const glued = GLUED.exec(word);
      if (glued) i = j - glued[0].length;
    }
    break;
  }
  return i;
}

// The markers of a spelled-out address (pii.ts SPACED_EMAIL): "at" and "dot" words, bracketed or not.
const MARKERS = ['at', 'arroba', 'arobase', 'chiocciola', 'dot', 'punto', 'ponto', 'point', 'punkt'];
const BRACKETED_MARKERS = MARKERS.flatMap((m) => ['[]', '()', '{}', '<>'].map((b) => `${b[0]}${m}${b[1]}`));
const MARKER_WORDS = new Set([...MARKERS, ...BRACKETED_MARKERS, '[@]', '(@)', '{@}', '<@>']);
const isMarker = (word: string) => MARKER_WORDS.has(word.toLowerCase());
/** Whether the word after may be a marker: it is one, or the last word, which may still become one. */
function nextMayMark(next: string, last: boolean): boolean {
  const w = next.toLowerCase();
  if (!last) return MARKER_WORDS.has(w);
  for (const m of MARKER_WORDS) if (m.startsWith(w)) return true;
  return false;
}
/** A local part's or domain label's word (pii.ts SPACED_LOCAL, SPACED_LABEL). */
const ADDRESS_WORD = /^[\p{L}\p{N}](?:[\p{L}\p{N}._%+-]{0,62}[\p{L}\p{N}_%+-])?$/u;
/** Bracketed markers inside a word ("alex[at]protonmail"), read as a letter. */
const IN_WORD_MARKER = /[([{<](?:at|@|dot|punto|ponto|point|punkt)[)\]}>]/gi;
const isAddressWord = (word: string) => ADDRESS_WORD.test(word.replace(IN_WORD_MARKER, 'x'));

// A connection string's words (pii.ts connectionString): one ending with a key's first word, a
// key's middle word, one starting with a key's rest (or the last word, which may become one).
const KEY_HEAD = /=[^\s]*;[A-Za-z][\w.-]*$/;
const KEY_MIDDLE = /^[A-Z][A-Za-z]*$/;
const KEY_REST = /^[A-Za-z][\w.-]*=/;
const LAST_KEY_REST = /^[A-Za-z][\w.-]*(?:=|$)/;
/** pii.ts FIRST_KEY_WORD, after what may open a string (a quote, a bracket). */
const FIRST_KEY =
  /^([^\sA-Za-z0-9]*)(?:Data|Initial|User|Integrated|Persist|Trust|Multiple|Application|Connect|Connection|Max|Min|Network|Packet|Workstation|Multi|Column|Command|SSL)$/;
/** A string's first key word: at a line's start, after an opening quote, or where the held text starts (what came before it was released). */
function isFirstKey(buf: string, k: number, word: string): boolean {
  const m = FIRST_KEY.exec(word);
  return m !== null && (m[1] !== '' || k === 0 || buf.charCodeAt(k - 1) !== 32);
}

/** Whether the line break before `after` may be inside a number: a digit (or nothing yet) after it. */
function wrapsNumber(buf: string, after: number): boolean {
  return after === buf.length || (buf.charCodeAt(after) >= 48 && buf.charCodeAt(after) <= 57);
}

export function streamScan(scanner: ResponseScanner, opts: StreamScanOptions): StreamScan {
  const maxHold = opts.maxHold ?? 8192;
  let buf = '';
  let ctx = '';
  let blocked = false;

  const drain = (final: boolean): string => {
    if (blocked || buf === '') return '';
    // Joined flat (+ would make a rope: the scanners' loops slow down once they have read one).
    const scanned = [ctx, buf].join('');
    const spans: Span[] = [];
    // A match may begin in text already released (a label such as `password: "` sent in an
    // earlier chunk): what of it is still here is masked all the same.
    for (const s of scanner.find(scanned)) {
      if (s.end > ctx.length)
        spans.push({ start: Math.max(0, s.start - ctx.length), end: s.end - ctx.length, kind: s.kind });
    }
    if (scanner.action === 'block' && spans.length > 0) {
      blocked = true;
      buf = '';
      opts.onFound(spans);
      opts.onBlock?.(spans);
      return '';
    }
    let cut = final ? buf.length : heldTailStart(buf, 256);
    if (!final) {
      for (const s of spans) if (s.end >= cut) cut = Math.min(cut, s.start);
      if (buf.length - cut > maxHold) {
        // Too much held: release it, a match crossing the cut masked whole.
        cut = buf.length - maxHold;
        for (const s of spans) if (s.start < cut && s.end > cut) cut = s.end;
      }
      const c = buf.charCodeAt(cut - 1);
      if (cut > 0 && c >= 0xd800 && c <= 0xdbff) cut--; // never split a surrogate pair
    }
    if (cut <= 0) return '';
    const released = spans.filter((s) => s.start < cut);
    const raw = buf.slice(0, cut);
    buf = buf.slice(cut);
    ctx = (ctx + raw).slice(-CONTEXT);
    if (released.length > 0) opts.onFound(released);
    if (scanner.action !== 'mask' || released.length === 0) return raw;
    // A span released by the maxHold rule may run past the cut: mask it to the cut.
    return applyMasks(
      raw,
      released.map((s) => ({ ...s, end: Math.min(s.end, cut) })),
      (k) => scanner.label(k),
    );
  };

  return {
    push(text) {
      buf += text;
      return drain(false);
    },
    end() {
      return drain(true);
    },
  };
}
