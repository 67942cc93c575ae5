// The Secrets AIProviders (and AIRoutes, for a JWKS) reference, and only those: one small informer per referenced Secret
// (list + watch with fieldSelector metadata.name=<name> in its namespace), started and stopped as
// providers come and go. Why not one informer over every Secret: the operator would hold every
// credential of the cluster in memory, and need list/watch on all Secrets cluster-wide. Why not a
// label selector alone: it needs every platform team to label its Secrets (still supported as an
// extra filter, secretLabelSelector). Per-name watches need only get/list/watch on Secrets in the
// namespaces that hold provider credentials, which a Role per namespace can grant
// (rbac.providerNamespaces). A platform references a handful of Secrets: a handful of watches.
// A Secret the operator may not read (403) or that does not exist counts as absent: the provider
// reports SecretNotFound, and the watch keeps retrying so that a later grant is picked up.
import { isNotFound, type KubeApi, type KubeObject, RESOURCES, resourcePath } from '../kube/api.ts';
import type { Logger } from '../log.ts';
import { type ChangeHandler, Informer } from './watch.ts';

export interface ReferencedSecretsOptions {
  kube: KubeApi;
  log: Logger;
  /** Only Secrets with these labels count (e.g. aimesh.io/credentials=true). */
  labelSelector?: string;
  onChange: ChangeHandler;
  onError: () => void;
}

export class ReferencedSecrets {
  readonly #o: ReferencedSecretsOptions;
  readonly #informers = new Map<string, Informer>();
  #running = false;

  constructor(opts: ReferencedSecretsOptions) {
    this.#o = opts;
  }

  /** Follows exactly these Secrets ("namespace/name"); resolves once the new ones are loaded. */
  track(ids: Set<string>): Promise<void> {
    for (const [id, informer] of this.#informers) {
      if (ids.has(id)) continue;
      this.#informers.delete(id);
      const gone = informer.get(...split(id));
      void informer.stop();
      if (gone) this.#o.onChange('DELETED', gone, gone);
    }
    const added: Informer[] = [];
    for (const id of ids) {
      if (this.#informers.has(id)) continue;
      const [namespace, name] = split(id);
      const informer = new Informer(this.#o.kube, this.#o.log, {
        name: `Secret ${id}`,
        path: resourcePath(RESOURCES.Secret, namespace),
        query: {
          fieldSelector: `metadata.name=${name}`,
          ...(this.#o.labelSelector ? { labelSelector: this.#o.labelSelector } : {}),
        },
        onChange: this.#o.onChange,
        onError: this.#o.onError,
        // Forbidden (not in the operator's provider namespaces) or a namespace that is gone: absent.
        emptyOn: (err) => isNotFound(err) || (err as { status?: number }).status === 403,
      });
      this.#informers.set(id, informer);
      added.push(informer);
      if (this.#running) informer.start();
    }
    return Promise.all(added.map((i) => i.waitSynced())).then(() => {});
  }

  get(namespace: string, name: string): KubeObject | undefined {
    return this.#informers.get(`${namespace}/${name}`)?.get(namespace, name);
  }

  start(): void {
    this.#running = true;
    for (const i of this.#informers.values()) i.start();
  }

  async stop(): Promise<void> {
    this.#running = false;
    await Promise.all([...this.#informers.values()].map((i) => i.stop()));
  }

  waitSynced(): Promise<void> {
    return Promise.all([...this.#informers.values()].map((i) => i.waitSynced())).then(() => {});
  }

  /** How many Secrets are followed (for tests and /debug). */
  get size(): number {
    return this.#informers.size;
  }
}

const split = (id: string) => id.split('/') as [string, string];
