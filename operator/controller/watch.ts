// Informer: list + watch one resource into an in-memory cache and report changes. It never gives
// up: a failed list or watch is retried with backoff; 410 Gone (the resourceVersion expired,
// as a status code or as an ERROR event) relists at once; the server ends each watch after a
// random 5-10 minutes and the loop simply watches again from the last resourceVersion (bookmarks
// keep it fresh). A relist diffs against the cache, so deletions missed while disconnected are
// reported too.

import { isGone, type KubeApi, type KubeObject, type Query, type WatchEvent } from '../kube/api.ts';
import type { Logger } from '../log.ts';
import { type Backoff, exponentialBackoff, sleep } from './backoff.ts';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';
export type ChangeHandler = (type: ChangeType, object: KubeObject, previous: KubeObject | undefined) => void;

export interface InformerOptions {
  /** For logs and metrics, e.g. "AIRoute". */
  name: string;
  /** Collection path, e.g. /apis/aimesh.io/v1alpha1/airoutes (all namespaces). */
  path: string;
  /** labelSelector / fieldSelector. */
  query?: Query;
  onChange?: ChangeHandler;
  /** Called for every failure the loop recovers from. */
  onError?: (err: unknown) => void;
  /**
   * Failures that mean "there is nothing to see" (e.g. 403 on a Secret the operator may not read):
   * the cache empties and counts as synced, and the loop keeps retrying.
   */
  emptyOn?: (err: unknown) => boolean;
  backoff?: Backoff;
  /** Server-side watch timeout; default random 300-600 s, like client-go. */
  watchTimeoutSeconds?: () => number;
}

export const objectKey = (o: { metadata: { namespace?: string; name: string } }) =>
  o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name;

export class Informer {
  readonly name: string;
  readonly #kube: KubeApi;
  readonly #log: Logger;
  readonly #opts: InformerOptions;
  readonly #backoff: Backoff;
  readonly #cache = new Map<string, KubeObject>();
  #resourceVersion = '';
  #synced = false;
  #syncWaiters: (() => void)[] = [];
  #abort = new AbortController();
  #loop: Promise<void> | undefined;
  restarts = 0;

  constructor(kube: KubeApi, log: Logger, opts: InformerOptions) {
    this.name = opts.name;
    this.#kube = kube;
    this.#log = log.child({ informer: opts.name });
    this.#opts = opts;
    this.#backoff = opts.backoff ?? exponentialBackoff({ initialMs: 500, maxMs: 30_000 });
  }

  /** True once the first list has been loaded (and stays true through later relists). */
  get synced(): boolean {
    return this.#synced;
  }

  waitSynced(): Promise<void> {
    if (this.#synced) return Promise.resolve();
    return new Promise((resolve) => this.#syncWaiters.push(resolve));
  }

  get(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.#cache.get(namespace ? `${namespace}/${name}` : name);
  }

  list(namespace?: string): KubeObject[] {
    const all = [...this.#cache.values()];
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  }

  start(): void {
    this.#loop ??= this.#run();
  }

  async stop(): Promise<void> {
    this.#abort.abort();
    await this.#loop;
  }

  async #run(): Promise<void> {
    const signal = this.#abort.signal;
    while (!signal.aborted) {
      try {
        if (!this.#resourceVersion) await this.#relist();
        const started = Date.now();
        await this.#watch(signal);
        // A watch the server ends at once (e.g. a proxy closing it) must not turn into a spin.
        if (Date.now() - started < 1000) await sleep(this.#backoff.next(), signal);
        else this.#backoff.reset();
      } catch (err) {
        if (signal.aborted) break;
        if (isGone(err)) {
          this.#log.debug('resourceVersion expired; relisting');
          this.#resourceVersion = '';
          continue;
        }
        this.restarts++;
        this.#opts.onError?.(err);
        if (this.#opts.emptyOn?.(err)) this.#empty();
        const delay = this.#backoff.next();
        this.#log.warn({ err: (err as Error).message, retryInMs: delay }, 'list/watch failed; retrying');
        await sleep(delay, signal);
      }
    }
  }

  async #relist(): Promise<void> {
    const list = await this.#kube.list(this.#opts.path, this.#opts.query);
    const seen = new Set<string>();
    for (const item of list.items) {
      const key = objectKey(item);
      seen.add(key);
      this.#store(item);
    }
    for (const [key, old] of this.#cache) {
      if (!seen.has(key)) {
        this.#cache.delete(key);
        this.#emit('DELETED', old, old);
      }
    }
    this.#resourceVersion = list.metadata.resourceVersion ?? '';
    this.#markSynced();
  }

  #empty(): void {
    this.#resourceVersion = '';
    for (const [key, old] of this.#cache) {
      this.#cache.delete(key);
      this.#emit('DELETED', old, old);
    }
    this.#markSynced();
  }

  #markSynced(): void {
    if (this.#synced) return;
    this.#synced = true;
    for (const w of this.#syncWaiters.splice(0)) w();
  }

  async #watch(signal: AbortSignal): Promise<void> {
    const timeoutSeconds = this.#opts.watchTimeoutSeconds?.() ?? 300 + Math.floor(Math.random() * 300);
    const query: Query = {
      ...this.#opts.query,
      resourceVersion: this.#resourceVersion,
      allowWatchBookmarks: true,
      timeoutSeconds,
    };
    let failure: unknown;
    await this.#kube.watch(
      this.#opts.path,
      query,
      (event) => {
        if (failure) return;
        failure = this.#handle(event);
      },
      signal,
    );
    if (failure) throw failure;
  }

  /** Applies one event; returns an error to end the watch with. */
  #handle(event: WatchEvent): unknown {
    const o = event.object;
    if (event.type === 'ERROR') {
      if (o?.code === 410) {
        this.#resourceVersion = '';
        return undefined; // the server closes the watch; the loop relists
      }
      return new Error(`watch error event: ${o?.code ?? ''} ${o?.reason ?? ''} ${o?.message ?? ''}`.trim());
    }
    if (!o?.metadata) return undefined;
    if (event.type === 'ADDED' || event.type === 'MODIFIED') this.#store(o);
    else if (event.type === 'DELETED') {
      const key = objectKey(o);
      const old = this.#cache.get(key);
      this.#cache.delete(key);
      this.#emit('DELETED', o, old);
    }
    if (o.metadata.resourceVersion) this.#resourceVersion = o.metadata.resourceVersion;
    return undefined;
  }

  #store(o: KubeObject): void {
    const key = objectKey(o);
    const old = this.#cache.get(key);
    if (old && old.metadata.resourceVersion === o.metadata.resourceVersion) return;
    this.#cache.set(key, o);
    this.#emit(old ? 'MODIFIED' : 'ADDED', o, old);
  }

  #emit(type: ChangeType, o: KubeObject, old: KubeObject | undefined): void {
    try {
      this.#opts.onChange?.(type, o, old);
    } catch (err) {
      // A handler's bug must not stop the cache from following the cluster.
      this.#log.error({ err: (err as Error).message }, 'change handler failed');
    }
  }
}
