// The lease journal: what this sidecar's leases hold and have spent, on the pod's state volume (a
// memory-backed emptyDir that outlives the container). A sidecar that crashes and is restarted in
// the same pod reads it and carries on as the same lease holder (same incarnation, same seq):
// the quota service then counts the dead process's unreported spend as spent and nothing more,
// instead of its whole lease for the rest of the window (the ledger's "lost").
//
// Safe by construction: the record of a lease is written before the call it admits goes
// anywhere and before a lease call leaves (so a hand-back is never undone), and every spend not yet
// acknowledged, calls in flight included, is reported again after a restart. What a crash can
// add is over-counting (a report the service applied whose answer never came), never a grant
// spent twice. Settles and answers are written after the event loop turn that made them.
//
// Format: JSON lines, appended; the last line for a lease wins. A header line names the holder
// and the incarnation; a term line follows each leader change. Rewritten whole (temp file +
// rename) once the appended part passes compactBytes, keeping only leases of live windows.
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

export const JOURNAL_FILE = 'quota-leases.jsonl';

/** One lease's state as the journal keeps it. */
export interface LeaseRecord {
  /** resetsAt of the window the lease belongs to. */
  w: number;
  /** Unspent lease (calls in flight still inside it). */
  h: number;
  /** Estimates of calls in flight: spent, for all a restarted process knows. */
  r: number;
  /** Spent and not acknowledged by the service (unreported and on the wire). */
  u: number;
  /** Acknowledged in this window, to any term. */
  a: number;
  /** Owed to the current term (see LeaseItem.carry). */
  c: number;
  /** The service term that last answered for it. */
  t?: string;
  /** The last answer's seq. */
  s?: number;
  /** The lease is void after this. */
  e: number;
  /** The service has answered for it. */
  k: boolean;
}

interface Header {
  v: 1;
  holder: string;
  incarnation: string;
  term?: string;
}

export interface JournalOptions {
  /** The state directory (created 0700 when missing). */
  dir: string;
  /** This sidecar's holder id: a journal written under another one is not taken over. */
  holder: string;
  now?: () => number;
  /** Rewrite the file once this much was appended since the last rewrite. */
  compactBytes?: number;
  /** A write failed (the volume is full): the journal turns itself off and says why once. */
  onError?: (err: unknown) => void;
}

export class LeaseJournal {
  readonly incarnation: string;
  /** The quota service term the previous process last saw. */
  readonly term: string | undefined;
  readonly #file: string;
  readonly #holder: string;
  readonly #now: () => number;
  readonly #compactBytes: number;
  readonly #onError: (err: unknown) => void;
  /** What the previous process left, by lease id: taken (once) as its leases are made again. */
  readonly #restored = new Map<string, LeaseRecord>();
  /** The last line written per lease id (what a rewrite keeps). */
  readonly #latest = new Map<string, { w: number; line: string }>();
  /** The term last written (a rewrite's header carries it). */
  #term: string | undefined;
  #fd: number | undefined;
  #appended = 0;
  #broken = false;

  constructor(opts: JournalOptions) {
    this.#file = join(opts.dir, JOURNAL_FILE);
    this.#holder = opts.holder;
    this.#now = opts.now ?? Date.now;
    this.#compactBytes = opts.compactBytes ?? 256 * 1024;
    this.#onError = opts.onError ?? (() => {});
    const previous = this.#read();
    this.incarnation = previous?.incarnation ?? randomUUID();
    this.term = previous?.term;
    this.#term = this.term;
    try {
      mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
      this.#rewrite(this.term);
    } catch (err) {
      this.#fail(err);
    }
  }

  /** A lease the previous process held in the same window, given out once. */
  take(id: string, windowEnd: number): LeaseRecord | undefined {
    const r = this.#restored.get(id);
    if (!r) return undefined;
    this.#restored.delete(id);
    return r.w === windowEnd ? r : undefined;
  }

  /** Restored leases of a partitioned limit (`limitId` + NUL + key), for their keys to be made again. */
  restoredKeys(limitId: string): string[] {
    const prefix = `${limitId}\u0000`;
    const keys: string[] = [];
    for (const id of this.#restored.keys()) if (id.startsWith(prefix)) keys.push(id.slice(prefix.length));
    return keys;
  }

  /** Writes the records now (one write for all of them). */
  write(records: Iterable<[string, LeaseRecord]>): void {
    if (this.#broken) return;
    let text = '';
    for (const [id, r] of records) {
      const line = `${JSON.stringify({ id, ...r })}\n`;
      this.#latest.set(id, { w: r.w, line });
      text += line;
    }
    this.#append(text);
  }

  /** A new service term (leader change). */
  writeTerm(term: string): void {
    if (this.#broken) return;
    this.#term = term;
    this.#append(`${JSON.stringify({ term })}\n`);
  }

  /** Clean shutdown: every lease was given back, so there is nothing to carry on from. */
  remove(): void {
    this.close();
    rmSync(this.#file, { force: true });
  }

  /** Writes nothing more; the file stays for the next process (leases could not all go back). */
  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
    this.#broken = true;
  }

  #append(text: string): void {
    if (text === '' || this.#fd === undefined) return;
    try {
      writeSync(this.#fd, text);
      this.#appended += text.length;
      if (this.#appended > this.#compactBytes) this.#rewrite(this.#term);
    } catch (err) {
      this.#fail(err);
    }
  }

  /** The header and the latest line of every lease of a live window, atomically. */
  #rewrite(term: string | undefined): void {
    const now = this.#now();
    const header: Header = {
      v: 1,
      holder: this.#holder,
      incarnation: this.incarnation,
      ...(term ? { term } : {}),
    };
    let text = `${JSON.stringify(header)}\n`;
    for (const [id, { w, line }] of this.#latest) {
      if (w <= now) this.#latest.delete(id);
      else text += line;
    }
    const tmp = `${this.#file}.tmp`;
    writeFileSync(tmp, text, { mode: 0o600 });
    renameSync(tmp, this.#file);
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = openSync(this.#file, 'a', 0o600);
    this.#appended = 0;
  }

  /** The previous process's journal, when it was this holder's; its leases of live windows. */
  #read(): Header | undefined {
    let text: string;
    try {
      text = readFileSync(this.#file, 'utf8');
    } catch {
      return undefined;
    }
    const lines = text.split('\n');
    let header: Header | undefined;
    try {
      header = JSON.parse(lines[0] ?? '') as Header;
    } catch {
      return undefined;
    }
    if (header?.v !== 1 || header.holder !== this.#holder || typeof header.incarnation !== 'string')
      return undefined;
    const now = this.#now();
    for (const line of lines.slice(1)) {
      if (line === '') continue;
      let r: (LeaseRecord & { id?: string }) | { term?: string };
      try {
        r = JSON.parse(line);
      } catch {
        continue; // a line cut short by the crash: the one before it stands
      }
      if ('term' in r && typeof r.term === 'string') header.term = r.term;
      else if ('id' in r && typeof r.id === 'string' && typeof r.w === 'number') {
        const { id, ...record } = r;
        if (record.w > now) this.#restored.set(id, record);
        else this.#restored.delete(id);
      }
    }
    for (const [id, r] of this.#restored)
      this.#latest.set(id, { w: r.w, line: `${JSON.stringify({ id, ...r })}\n` });
    return header;
  }

  #fail(err: unknown): void {
    if (this.#broken) return;
    this.#broken = true;
    try {
      if (this.#fd !== undefined) closeSync(this.#fd);
    } catch {}
    this.#fd = undefined;
    this.#onError(err);
  }
}
