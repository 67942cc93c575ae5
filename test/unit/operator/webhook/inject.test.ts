import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyPatch,
  buildInjectionPatch,
  type InjectionConfig,
  imageRepository,
  injectionDecision,
  type Pod,
  sidecarProblem,
} from '../../../../operator/webhook/inject.ts';

const config: InjectionConfig = {
  image: 'aimesh/aimesh-sidecar:test',
  operatorUrl: 'https://aimesh-operator.aimesh-system.svc:15010',
  operatorCA: '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n',
  resources: { requests: { cpu: '50m' } },
};

const pod = (extra: Partial<Pod['spec']> = {}, metadata: Pod['metadata'] = { name: 'app' }): Pod => ({
  metadata,
  spec: { containers: [{ name: 'app', image: 'app:1' }], ...extra },
});

const inject = (p: Pod) => applyPatch(p, buildInjectionPatch(p, config));
const named = <T extends { name: string }>(items: T[] | undefined, name: string) =>
  (items ?? []).filter((i) => i.name === name);

describe('injection decision', () => {
  it('injects when the namespace is labelled or the pod asks', () => {
    assert.deepEqual(injectionDecision(pod(), { 'aimesh.io/inject': 'enabled' }), { inject: true });
    assert.deepEqual(injectionDecision(pod({}, { annotations: { 'aimesh.io/inject': 'true' } }), {}), {
      inject: true,
    });
  });

  it('leaves everything else alone, and "false" wins over the namespace', () => {
    assert.equal(injectionDecision(pod(), {}).inject, false);
    assert.equal(injectionDecision(pod(), undefined).inject, false);
    assert.equal(injectionDecision(pod(), { 'aimesh.io/inject': 'disabled' }).inject, false);
    const optOut = injectionDecision(pod({}, { annotations: { 'aimesh.io/inject': 'false' } }), {
      'aimesh.io/inject': 'enabled',
    });
    assert.equal(optOut.inject, false);
    assert.match((optOut as { reason: string }).reason, /opts out/);
  });

  it('a pod label works like the annotation (webhook objectSelectors can only see labels)', () => {
    assert.equal(injectionDecision(pod({}, { labels: { 'aimesh.io/inject': 'true' } }), {}).inject, true);
    const optOut = pod({}, { labels: { 'aimesh.io/inject': 'false' } });
    assert.equal(injectionDecision(optOut, { 'aimesh.io/inject': 'enabled' }).inject, false);
  });

  it('skips hostNetwork pods (fixed ports would collide on the node)', () => {
    assert.equal(
      injectionDecision(pod({ hostNetwork: true }), { 'aimesh.io/inject': 'enabled' }).inject,
      false,
    );
  });
});

describe('injection patch', () => {
  it('gives the sidecar the configured env (tracing) and the app none of it', () => {
    const env = [{ name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://jaeger:4318' }];
    const out = applyPatch(pod(), buildInjectionPatch(pod(), { ...config, env }));
    const sidecar = out.spec!.initContainers![0] as Record<string, any>;
    assert.deepEqual(named(sidecar.env, 'OTEL_EXPORTER_OTLP_ENDPOINT'), env);
    assert.deepEqual(
      named((out.spec!.containers![0] as Record<string, any>).env, 'OTEL_EXPORTER_OTLP_ENDPOINT'),
      [],
    );
  });

  it('adds a native sidecar first, its volumes, the app env and the marks', () => {
    const out = inject(pod({ initContainers: [{ name: 'migrate' }] }));
    const sidecar = out.spec!.initContainers![0] as Record<string, any>;
    assert.equal(sidecar.name, 'aimesh-sidecar');
    assert.equal(sidecar.restartPolicy, 'Always');
    assert.equal(out.spec!.initContainers![1]!.name, 'migrate');
    assert.deepEqual(sidecar.args, [
      '--operator',
      config.operatorUrl,
      '--token-file',
      '/var/run/secrets/aimesh/token',
      '--state-dir',
      '/var/run/aimesh',
    ]);
    assert.equal(sidecar.command, undefined, "the image's entrypoint runs");
    assert.deepEqual(sidecar.readinessProbe.httpGet, { path: '/readyz', port: 15090 });
    assert.deepEqual(sidecar.livenessProbe.httpGet, { path: '/healthz', port: 15090 });
    assert.deepEqual(sidecar.resources, config.resources);
    assert.equal(
      sidecar.env.find((e: { name: string }) => e.name === 'AIMESH_OPERATOR_CA').value,
      config.operatorCA,
    );

    const token = named(out.spec!.volumes as { name: string; projected?: any }[], 'aimesh-token');
    assert.deepEqual(token[0]!.projected.sources[0].serviceAccountToken, {
      audience: 'aimesh',
      expirationSeconds: 3600,
      path: 'token',
    });
    const state = named(out.spec!.volumes as { name: string; emptyDir?: any }[], 'aimesh-state');
    assert.equal(state[0]!.emptyDir.medium, 'Memory');

    assert.deepEqual(out.spec!.containers![0]!.env, [
      { name: 'OPENAI_BASE_URL', value: 'http://127.0.0.1:15080/v1' },
      { name: 'ANTHROPIC_BASE_URL', value: 'http://127.0.0.1:15080/anthropic' },
    ]);
    assert.equal(out.metadata!.annotations!['aimesh.io/injected'], 'true');
    assert.equal(out.metadata!.labels!['aimesh.io/injected'], 'true');
  });

  it('appends to existing arrays and maps instead of replacing them', () => {
    const before = pod(
      {
        volumes: [{ name: 'data' }],
        containers: [
          { name: 'a', env: [{ name: 'X' }] },
          { name: 'b', env: [] },
        ],
      },
      { name: 'app', annotations: { keep: 'me' }, labels: { app: 'chat' } },
    );
    const out = inject(before);
    assert.deepEqual(
      out.spec!.volumes!.map((v) => v.name),
      ['data', 'aimesh-token', 'aimesh-state'],
    );
    assert.deepEqual(
      out.spec!.containers![0]!.env!.map((e) => e.name),
      ['X', 'OPENAI_BASE_URL', 'ANTHROPIC_BASE_URL'],
    );
    assert.equal(out.spec!.containers![1]!.env!.length, 2);
    assert.equal(out.metadata!.annotations!.keep, 'me');
    assert.equal(out.metadata!.labels!.app, 'chat');
    assert.equal(out.spec!.initContainers!.length, 1);
  });

  it('never overrides env the app sets', () => {
    const out = inject(
      pod({
        containers: [{ name: 'a', env: [{ name: 'OPENAI_BASE_URL', value: 'https://mine/v1' } as never] }],
      }),
    );
    const env = out.spec!.containers![0]!.env as { name: string; value?: string }[];
    assert.deepEqual(named(env, 'OPENAI_BASE_URL'), [{ name: 'OPENAI_BASE_URL', value: 'https://mine/v1' }]);
    assert.equal(named(env, 'ANTHROPIC_BASE_URL').length, 1);
  });

  it('is idempotent: injecting an injected pod changes nothing', () => {
    const once = inject(pod({ volumes: [{ name: 'data' }] }));
    assert.deepEqual(buildInjectionPatch(once, config), []);
    assert.deepEqual(inject(once), once);
  });

  it('recognises a sidecar added by hand, and only completes missing app env (reinvocation)', () => {
    const manual = pod({
      initContainers: [{ name: 'aimesh-sidecar' }],
      containers: [{ name: 'app' }, { name: 'added-later' }],
    });
    const ops = buildInjectionPatch(manual, config);
    assert.ok(ops.every((o) => o.path.startsWith('/spec/containers/')));
    const out = applyPatch(manual, ops);
    assert.equal(named(out.spec!.initContainers, 'aimesh-sidecar').length, 1);
    assert.equal(out.spec!.containers![1]!.env!.length, 2);
  });

  it('escapes JSON pointers for the annotation key', () => {
    const ops = buildInjectionPatch(pod(), config);
    assert.ok(ops.some((o) => o.path === '/metadata/annotations/aimesh.io~1injected'));
  });
});

describe('which pods may receive credentials (sidecarProblem)', () => {
  const expected = { image: config.image };

  it('accepts exactly what injection made', () => {
    assert.equal(sidecarProblem(inject(pod()), expected), undefined);
  });

  it('refuses a pod that was never injected, even with the injected label forged', () => {
    const forged = pod({}, { name: 'app', labels: { 'aimesh.io/injected': 'true' } });
    assert.match(sidecarProblem(forged, expected)!, /no aimesh-sidecar container/);
  });

  it('refuses another image or command under the sidecar name', () => {
    const other = inject(pod());
    other.spec!.initContainers![0]!.image = 'busybox';
    assert.match(sidecarProblem(other, expected)!, /does not run the injected image/);
    // Another tag or a digest of the same repository: a pod injected before a sidecar upgrade.
    const older = inject(pod());
    older.spec!.initContainers![0]!.image = 'aimesh/aimesh-sidecar:0.0.9@sha256:abc';
    assert.equal(sidecarProblem(older, expected), undefined);
    assert.equal(imageRepository('registry:5000/aimesh/sidecar:1.2'), 'registry:5000/aimesh/sidecar');
    assert.equal(imageRepository('registry:5000/aimesh/sidecar'), 'registry:5000/aimesh/sidecar');
    const shell = inject(pod());
    shell.spec!.initContainers![0]!.command = ['sh', '-c', 'cat /var/run/secrets/aimesh/token'];
    assert.match(sidecarProblem(shell, expected)!, /command differs/);
  });

  it('refuses a pod whose app (or an ephemeral container) also mounts the aimesh token', () => {
    const shared = inject(pod());
    shared.spec!.containers![0]!.volumeMounts = [{ name: 'aimesh-token', mountPath: '/t' } as never];
    assert.match(sidecarProblem(shared, expected)!, /mounted in other containers too \(app\)/);
    const debug = inject(pod());
    debug.spec!.ephemeralContainers = [
      { name: 'debugger', image: 'busybox', volumeMounts: [{ name: 'aimesh-token' }] },
    ];
    assert.match(sidecarProblem(debug, expected)!, /\(debugger\)/);
  });

  it('refuses a token volume for another audience, or none', () => {
    const p = inject(pod());
    const volume = p.spec!.volumes!.find((v) => v.name === 'aimesh-token') as any;
    volume.projected.sources[0].serviceAccountToken.audience = 'other';
    assert.match(sidecarProblem(p, expected)!, /no aimesh-token volume with a token for audience aimesh/);
  });
});
