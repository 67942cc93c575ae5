import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Connection, Hub, type StreamSink, sumRollouts } from '../../../../operator/push/hub.ts';
import { workloadOf } from '../../../../operator/push/workload.ts';
import { type Snapshot, seal } from '../../../../sidecar/snapshot/index.ts';

const snapshot = (ns: string, routes: string[], marker = 0): Snapshot =>
  seal({
    workload: { namespace: ns },
    providers: [],
    routes: routes.map((id) => ({ id, rules: [] as never })),
    quotas: [
      {
        id: `${ns}/q`,
        enforcement: 'Enforce',
        failurePolicy: 'FailOpen',
        limits: [{ name: `m${marker}`, dimension: 'requests', amount: 1, window: '1m' }],
      },
    ],
  });

class Sink implements StreamSink {
  lines: string[] = [];
  full = false;
  #drain: (() => void) | undefined;
  closed = false;
  write(line: string) {
    this.lines.push(line);
    return !this.full;
  }
  onDrain(cb: () => void) {
    this.#drain = cb;
  }
  drain() {
    this.full = false;
    this.#drain?.();
  }
  close() {
    this.closed = true;
  }
  versions() {
    return this.lines.map((l) => JSON.parse(l).version as string);
  }
}

const pod = (name: string, labels: Record<string, string>) =>
  workloadOf({ metadata: { name, namespace: 'ns', labels }, spec: { serviceAccountName: 'app' } });

function connect(hub: Hub, name: string, labels: Record<string, string> = { app: 'chat' }) {
  const sink = new Sink();
  const conn = hub.connect({ namespace: 'ns', pod: name, podUid: `uid-${name}`, ...pod(name, labels) }, sink);
  return { sink, conn };
}

describe('Hub', () => {
  it('asks for a compile when a new workload connects, then sends it its snapshot', () => {
    let compiles = 0;
    const hub = new Hub({ onUnknownWorkload: () => compiles++ });
    const { sink, conn } = connect(hub, 'a');
    assert.equal(compiles, 1);
    assert.deepEqual(sink.lines, []);
    const s = snapshot('ns', ['ns/chat']);
    hub.publish(new Map([[conn.key, s]]));
    assert.deepEqual(sink.versions(), [s.version]);
    assert.deepEqual(JSON.parse(sink.lines[0]!).snapshot, s);
  });

  it('sends only when the version changes, and the newest only to a slow stream', () => {
    const hub = new Hub();
    const { sink, conn } = connect(hub, 'a');
    const v1 = snapshot('ns', ['ns/chat'], 1);
    hub.publish(new Map([[conn.key, v1]]));
    hub.publish(new Map([[conn.key, v1]]));
    assert.equal(sink.lines.length, 1);
    sink.full = true;
    const v2 = snapshot('ns', ['ns/chat'], 2);
    hub.publish(new Map([[conn.key, v2]]));
    hub.publish(new Map([[conn.key, snapshot('ns', ['ns/chat'], 3)]]));
    const v4 = snapshot('ns', ['ns/chat'], 4);
    hub.publish(new Map([[conn.key, v4]]));
    assert.deepEqual(sink.versions(), [v1.version, v2.version], 'nothing queued behind a full buffer');
    sink.drain();
    assert.deepEqual(sink.versions(), [v1.version, v2.version, v4.version], 'then straight to the newest');
  });

  it('shares one snapshot between pods of the same workload, not across label sets', () => {
    const hub = new Hub();
    const a = connect(hub, 'chat-5d8f-a', { app: 'chat', 'pod-template-hash': '5d8f' });
    const b = connect(hub, 'chat-5d8f-b', { app: 'chat', 'pod-template-hash': '5d8f' });
    const c = connect(hub, 'batch', { app: 'batch' });
    assert.equal(a.conn.key, b.conn.key);
    assert.notEqual(a.conn.key, c.conn.key);
    assert.equal(hub.workloads().length, 2);
  });

  it('tracks ACKs and NACKs for /debug/sidecars and the rollout counts', () => {
    const acks: Connection[] = [];
    const hub = new Hub({ onAck: (c) => acks.push(c) });
    const a = connect(hub, 'a');
    const b = connect(hub, 'b');
    const s = snapshot('ns', ['ns/chat', 'ns/other']);
    hub.publish(new Map([[a.conn.key, s]]), 1);
    hub.ack(a.conn, { version: s.version, ok: true });
    hub.ack(b.conn, { version: s.version, ok: false, reason: 'adapter missing' });
    assert.equal(acks.length, 1);
    const rows = hub.rows();
    assert.deepEqual(
      rows.map((r) => [r.pod, r.synced, r.ackedVersion === s.version, r.nackReason]),
      [
        ['a', true, true, undefined],
        ['b', false, false, 'adapter missing'],
      ],
    );
    assert.deepEqual(hub.rollout()['ns/chat'], {
      connected: 2,
      current: 1,
      versions: { [s.version]: 2 },
      nacked: 1,
      nackReason: 'adapter missing',
    });
    hub.disconnect(b.conn);
    assert.deepEqual(hub.rollout()['ns/chat'], { connected: 1, current: 1, versions: { [s.version]: 1 } });
  });

  it('sums replica reports and picks the version most sidecars should run', () => {
    const sum = sumRollouts([
      { 'ns/chat': { connected: 2, current: 2, versions: { v1: 2 } } },
      {
        'ns/chat': { connected: 3, current: 1, versions: { v1: 1, v2: 2 } },
        'ns/b': { connected: 1, current: 0, versions: { v3: 1 } },
      },
    ]);
    assert.deepEqual(sum.get('ns/chat'), { connected: 5, current: 3, version: 'v1' });
    assert.deepEqual(sum.get('ns/b'), { connected: 1, current: 0, version: 'v3' });
  });

  it('counts the sidecars that refuse the version they should run, with one reason whatever the order', () => {
    const reports = [
      { 'ns/chat': { connected: 2, current: 0, versions: { v1: 2 }, nacked: 2, nackReason: 'b: too big' } },
      { 'ns/chat': { connected: 1, current: 0, versions: { v1: 1 }, nacked: 1, nackReason: 'a: too big' } },
      { 'ns/chat': { connected: 1, current: 1, versions: { v1: 1 } } },
    ];
    const want = { connected: 4, current: 1, version: 'v1', nacked: 3, nackReason: 'a: too big' };
    assert.deepEqual(sumRollouts(reports).get('ns/chat'), want);
    assert.deepEqual(sumRollouts(reports.reverse()).get('ns/chat'), want);
  });

  it('a NACK of an older version does not count; a NACK reason never carries a credential', () => {
    const hub = new Hub();
    const a = connect(hub, 'a');
    const key = 'sk-nack-reason-secret-value';
    const s1 = seal({
      workload: { namespace: 'ns' },
      providers: [
        {
          id: 'ns/p',
          type: 'openai',
          endpoint: 'http://x/v1',
          headers: {},
          models: [],
          credentials: { apiKey: key },
        },
      ],
      routes: [{ id: 'ns/chat', rules: [] as never }],
      quotas: [],
    });
    hub.publish(new Map([[a.conn.key, s1]]), 1);
    hub.ack(a.conn, {
      version: s1.version,
      ok: false,
      reason: `header authorization: Bearer ${key} refused`,
    });
    assert.equal(hub.rollout()['ns/chat']!.nacked, 1);
    assert.equal(hub.rollout()['ns/chat']!.nackReason, 'header authorization: Bearer [REDACTED] refused');
    assert.equal(
      hub.rows()[0]!.nackReason,
      'header authorization: Bearer [REDACTED] refused',
      '/debug/sidecars too',
    );
    const s2 = snapshot('ns', ['ns/chat'], 2);
    hub.publish(new Map([[a.conn.key, s2]]), 2);
    assert.equal(hub.rollout()['ns/chat']!.nacked, undefined, 'the new version was not refused');
  });
});

describe('workloadOf', () => {
  it('drops per-pod labels and names the workload after its Deployment', () => {
    const w = workloadOf({
      metadata: {
        name: 'chat-5d8f7c-x2x',
        namespace: 'ns',
        labels: { app: 'chat', 'pod-template-hash': '5d8f7c' },
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'chat-5d8f7c', uid: 'u', controller: true },
        ],
      },
      spec: {},
    });
    assert.deepEqual(w.workload, {
      namespace: 'ns',
      labels: { app: 'chat' },
      serviceAccount: 'default',
      name: 'chat',
    });
  });

  it('StatefulSet pods share a workload', () => {
    const pod = (i: number) =>
      workloadOf({
        metadata: {
          name: `db-${i}`,
          namespace: 'ns',
          labels: {
            app: 'db',
            'statefulset.kubernetes.io/pod-name': `db-${i}`,
            'apps.kubernetes.io/pod-index': String(i),
          },
          ownerReferences: [
            { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 'u', controller: true },
          ],
        },
        spec: { serviceAccountName: 'db' },
      });
    assert.equal(pod(0).key, pod(1).key);
    assert.equal(pod(0).workload.serviceAccount, 'db');
  });
});
