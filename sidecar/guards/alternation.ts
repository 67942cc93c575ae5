// A list of literal words as one regex alternation factored by common prefixes ("show|shows|
// shown" -> "show(?:n|s)?"). V8 tries an alternation's branches one by one at each position: a
// rule that looks for one of 60 words at each of 60 places of a window pays 3,600 tries; factored,
// the first character picks the branch. It matches exactly the same words, so a rule matches
// where it did (only which of two words that both fit is taken first may differ, and no rule
// reads that). Not for a rule's first words: anchored.ts reads those as literal starts.

interface Node {
  next: Map<string, Node>;
  end: boolean;
}

// Syntax characters only: under the u flag an identity escape of anything else is an error.
const ESCAPE = /[.*+?^${}()|[\]\\/]/g;
const escape = (c: string) => c.replace(ESCAPE, '\\$&');

/** The words (matched as written, regex characters escaped) as a factored alternation, grouped. */
export function alternation(words: Iterable<string>): string {
  const root: Node = { next: new Map(), end: false };
  let count = 0;
  for (const w of words) {
    let node = root;
    for (const c of w) {
      let child = node.next.get(c);
      if (!child) {
        child = { next: new Map(), end: false };
        node.next.set(c, child);
      }
      node = child;
    }
    node.end = true;
    count++;
  }
  if (count === 0) return '(?!)';
  return `(?:${source(root)})`;
}

function source(node: Node): string {
  const branches = [...node.next].map(([c, child]) => escape(c) + source(child));
  if (branches.length === 0) return '';
  const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  if (!node.end) return body;
  // A word ends here and longer ones go on: the rest is optional.
  return branches.length === 1 && [...branches[0]!].length === 1 ? `${body}?` : `(?:${body})?`;
}
