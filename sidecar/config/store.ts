// The snapshot store: the single entry point for config, whatever its source (a watched file
// today, the operator's push stream later). apply() verifies, builds the runtime form and swaps
// it in atomically; a refused snapshot leaves the last good one serving. Calls read `current`
// once when they start, so a swap never changes the config under a call in flight.
import { parseSnapshot, type Snapshot, verify } from '../snapshot/index.ts';
import type { RuntimeSnapshot } from './runtime.ts';

export type ApplyResult = { ok: true; version: string; changed: boolean } | { ok: false; reason: string };

export type Listener = (runtime: RuntimeSnapshot, previous: RuntimeSnapshot | undefined) => void;

export class SnapshotStore {
  readonly #build: (snapshot: Snapshot) => RuntimeSnapshot;
  readonly #listeners = new Set<Listener>();
  #current: RuntimeSnapshot | undefined;

  constructor(build: (snapshot: Snapshot) => RuntimeSnapshot) {
    this.#build = build;
  }

  /** The snapshot in force; undefined until one has been applied. */
  get current(): RuntimeSnapshot | undefined {
    return this.#current;
  }

  /** Snapshot JSON text, or an already parsed object. */
  apply(input: string | unknown): ApplyResult {
    const verified = typeof input === 'string' ? parseSnapshot(input) : verify(input);
    if (!verified.ok) return { ok: false, reason: verified.reason };
    const snapshot = verified.snapshot;
    if (this.#current?.version === snapshot.version)
      return { ok: true, version: snapshot.version, changed: false };
    let runtime: RuntimeSnapshot;
    try {
      runtime = this.#build(snapshot);
    } catch (err) {
      return { ok: false, reason: (err as Error).message };
    }
    const previous = this.#current;
    this.#current = runtime;
    for (const listener of this.#listeners) {
      try {
        listener(runtime, previous);
      } catch {
        // A listener's bug must not undo or block the swap.
      }
    }
    return { ok: true, version: snapshot.version, changed: true };
  }

  /** Called after every swap; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
