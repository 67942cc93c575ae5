// The informer against a scripted API: it relists on 410 (status or ERROR event), retries other
// failures with backoff, and reports deletions it missed while disconnected.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Backoff } from '../../../../operator/controller/backoff.ts';
import { type ChangeType, Informer } from '../../../../operator/controller/watch.ts';
import {
  type KubeApi,
  KubeError,
  type KubeObject,
  type ObjectList,
  type WatchEvent,
} from '../../../../operator/kube/api.ts';
import { silentLogger } from '../../../../operator/log.ts';

const obj = (name: string, rv: string): KubeObject => ({
  metadata: { name, namespace: 'ns', resourceVersion: rv },
});

type Step =
  | { list: ObjectList }
  | { watch: WatchEvent[]; end?: 'close' | KubeError }
  | { listError: KubeError };

/** Plays a script of list/watch answers; after the script, watches hang until aborted. */
function scripted(steps: Step[]) {
  const calls: string[] = [];
  const api = {
    async list() {
      calls.push('list');
      const s = steps.shift();
      if (s && 'listError' in s) throw s.listError;
      if (!s || !('list' in s)) throw new Error(`unexpected list (next: ${JSON.stringify(s)})`);
      return s.list;
    },
    async watch(
      _path: string,
      query: Record<string, unknown>,
      onEvent: (e: WatchEvent) => void,
      signal: AbortSignal,
    ) {
      calls.push(`watch@${query.resourceVersion}`);
      const s = steps[0];
      if (!s || !('watch' in s))
        return new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      steps.shift();
      for (const e of s.watch) onEvent(e);
      if (s.end instanceof KubeError) throw s.end;
    },
  } as unknown as KubeApi;
  return { api, calls };
}

const noWait: Backoff = { next: () => 0, reset: () => {} };

async function until(pred: () => boolean) {
  for (let i = 0; i < 200 && !pred(); i++) await new Promise((r) => setTimeout(r, 5));
  assert.ok(pred(), 'condition not reached');
}

describe('Informer', () => {
  it('lists, then follows watch events into its cache', async () => {
    const { api } = scripted([
      { list: { items: [obj('a', '1')], metadata: { resourceVersion: '10' } } },
      {
        watch: [
          { type: 'ADDED', object: obj('b', '11') },
          { type: 'MODIFIED', object: obj('a', '12') },
          { type: 'DELETED', object: obj('b', '13') },
          { type: 'BOOKMARK', object: { metadata: { name: '', resourceVersion: '20' } } },
        ],
      },
    ]);
    const seen: [ChangeType, string][] = [];
    const inf = new Informer(api, silentLogger(), {
      name: 't',
      path: '/x',
      backoff: noWait,
      onChange: (t, o) => seen.push([t, o.metadata.name]),
    });
    inf.start();
    await inf.waitSynced();
    await until(() => seen.length === 4);
    assert.deepEqual(seen, [
      ['ADDED', 'a'],
      ['ADDED', 'b'],
      ['MODIFIED', 'a'],
      ['DELETED', 'b'],
    ]);
    assert.deepEqual(
      inf.list().map((o) => o.metadata.resourceVersion),
      ['12'],
    );
    await inf.stop();
  });

  it('treats an emptyOn failure (403 on a Secret it may not read) as synced and empty, and keeps retrying', async () => {
    const forbidden = new KubeError(403, 'Forbidden', 'secrets "k" is forbidden');
    const { api, calls } = scripted([
      { listError: forbidden },
      { listError: forbidden },
      { list: { items: [obj('k', '1')], metadata: { resourceVersion: '10' } } },
    ]);
    const seen: string[] = [];
    const inf = new Informer(api, silentLogger(), {
      name: 't',
      path: '/x',
      backoff: noWait,
      emptyOn: (err) => (err as KubeError).status === 403,
      onChange: (t, o) => seen.push(`${t} ${o.metadata.name}`),
    });
    inf.start();
    await inf.waitSynced();
    // Granted later: picked up by the next retry.
    await until(() => seen.length === 1);
    assert.deepEqual(seen, ['ADDED k']);
    assert.deepEqual(calls.slice(0, 3), ['list', 'list', 'list']);
    await inf.stop();
  });

  it('relists on 410 Gone (status code or ERROR event) and reports what vanished meanwhile', async () => {
    const { api, calls } = scripted([
      { list: { items: [obj('a', '1'), obj('b', '2')], metadata: { resourceVersion: '10' } } },
      { watch: [], end: new KubeError(410, 'Expired', 'too old') },
      { list: { items: [obj('a', '1')], metadata: { resourceVersion: '30' } } },
      { watch: [{ type: 'ERROR', object: { metadata: { name: '' }, code: 410 } }] },
      { list: { items: [obj('a', '5')], metadata: { resourceVersion: '40' } } },
    ]);
    const seen: string[] = [];
    const inf = new Informer(api, silentLogger(), {
      name: 't',
      path: '/x',
      backoff: noWait,
      watchTimeoutSeconds: () => 300,
      onChange: (t, o) => seen.push(`${t} ${o.metadata.name}`),
    });
    inf.start();
    await until(() => calls.length >= 6);
    assert.deepEqual(calls.slice(0, 6), ['list', 'watch@10', 'list', 'watch@30', 'list', 'watch@40']);
    assert.deepEqual(seen, ['ADDED a', 'ADDED b', 'DELETED b', 'MODIFIED a']);
    assert.equal(inf.restarts, 0, '410 is routine, not a failure');
    await inf.stop();
  });

  it('retries failed lists and watches with backoff, keeping its cache', async () => {
    const errors: unknown[] = [];
    const { api, calls } = scripted([
      { listError: new KubeError(0, 'ConnectionError', 'refused') },
      { list: { items: [obj('a', '1')], metadata: { resourceVersion: '10' } } },
      { watch: [], end: new KubeError(500, 'InternalError', 'etcd hiccup') },
    ]);
    const inf = new Informer(api, silentLogger(), {
      name: 't',
      path: '/x',
      backoff: noWait,
      onError: (e) => errors.push(e),
    });
    inf.start();
    await until(() => calls.length >= 4);
    assert.deepEqual(calls.slice(0, 4), ['list', 'list', 'watch@10', 'watch@10']);
    assert.equal(errors.length, 2);
    assert.equal(inf.get('ns', 'a')?.metadata.resourceVersion, '1');
    assert.equal(inf.synced, true);
    await inf.stop();
  });

  it('a throwing change handler does not stop the informer', async () => {
    const { api } = scripted([
      { list: { items: [obj('a', '1')], metadata: { resourceVersion: '10' } } },
      { watch: [{ type: 'ADDED', object: obj('b', '11') }] },
    ]);
    const inf = new Informer(api, silentLogger(), {
      name: 't',
      path: '/x',
      backoff: noWait,
      onChange: () => {
        throw new Error('handler bug');
      },
    });
    inf.start();
    await until(() => inf.list().length === 2);
    await inf.stop();
  });
});
