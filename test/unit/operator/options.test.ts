import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOptions, type RunOptions, UsageError } from '../../../operator/options.ts';

const run = (argv: string[], env: Record<string, string> = {}) => parseOptions(argv, env) as RunOptions;

describe('operator options', () => {
  it('runs with no subcommand, with the documented defaults', () => {
    const o = run([], { POD_NAMESPACE: 'aimesh-system', POD_NAME: 'aimesh-operator-0' });
    assert.equal(o.command, 'run');
    assert.equal(o.namespace, 'aimesh-system');
    assert.equal(o.identity, 'aimesh-operator-0');
    assert.equal(o.pushPort, 15010);
    assert.equal(o.adminPort, 15011);
    assert.equal(o.webhookPort, 9443);
    assert.equal(o.leaderElect, true);
    assert.equal(o.leaderElectionId, 'aimesh-operator');
    assert.deepEqual([o.leaseDurationMs, o.renewDeadlineMs, o.retryPeriodMs], [15_000, 10_000, 2_000]);
    assert.equal(o.operatorUrl, 'https://aimesh-operator.aimesh-system.svc:15010');
    assert.equal(o.webhookConfig, 'aimesh-sidecar-injector');
    assert.equal(o.certSecret, 'aimesh-operator-tls');
    assert.equal(o.debounceMs, 50);
  });

  it('takes flags over AIMESH_* environment', () => {
    const o = run(
      ['run', '--push-port', '16010', '--lease-duration', '30s', '--cert-hosts', 'a.example, 10.0.0.1'],
      {
        AIMESH_PUSH_PORT: '17010',
        AIMESH_ADMIN_PORT: '17011',
        AIMESH_NAMESPACE: 'mesh',
        AIMESH_SIDECAR_RESOURCES: '{"limits":{"memory":"128Mi"}}',
      },
    );
    assert.equal(o.pushPort, 16010);
    assert.equal(o.adminPort, 17011);
    assert.equal(o.namespace, 'mesh');
    assert.equal(o.leaseDurationMs, 30_000);
    assert.deepEqual(o.certHosts, ['a.example', '10.0.0.1']);
    assert.deepEqual(o.sidecarResources, { limits: { memory: '128Mi' } });
  });

  it("--sidecar-env (AIMESH_SIDECAR_ENV) is the injected sidecars' extra env", () => {
    const env = [{ name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://jaeger:4318' }];
    assert.deepEqual(run(['--sidecar-env', JSON.stringify(env)]).sidecarEnv, env);
    assert.deepEqual(run([]).sidecarEnv, []);
  });

  it('advertises the pod IP to the other replicas, else a specific bind address, else a host IPv4', () => {
    assert.equal(
      run(['--advertise-address', '10.1.2.3'], { POD_IP: '10.9.9.9' }).advertiseAddress,
      '10.1.2.3',
    );
    assert.equal(
      run([], { AIMESH_ADVERTISE_ADDRESS: '10.1.2.4', POD_IP: '10.9.9.9' }).advertiseAddress,
      '10.1.2.4',
    );
    assert.equal(run([], { POD_IP: '10.9.9.9' }).advertiseAddress, '10.9.9.9');
    assert.equal(run(['--bind-address', '127.0.0.1']).advertiseAddress, '127.0.0.1');
    assert.match(run([]).advertiseAddress, /^\d+\.\d+\.\d+\.\d+$/);
    assert.notEqual(run([]).advertiseAddress, '0.0.0.0');
  });

  it('the web console is off by default, on loopback when on, HTTPS with --console-tls', () => {
    const off = run([]);
    assert.deepEqual([off.consolePort, off.consoleAddress, off.consoleTls], [0, '127.0.0.1', false]);
    const on = run(['--console-port', '15020'], { AIMESH_CONSOLE_TLS: 'true' });
    assert.deepEqual([on.consolePort, on.consoleAddress, on.consoleTls], [15020, '127.0.0.1', true]);
    assert.equal(run([], { AIMESH_CONSOLE_ADDRESS: '0.0.0.0' }).consoleAddress, '0.0.0.0');
    assert.throws(() => run(['--console-port', '70000']), /--console-port must be a port/);
  });

  it('an empty --webhook-config means none', () => {
    assert.equal(run(['--webhook-config', '']).webhookConfig, '');
  });

  it('refuses bad values with a message naming the flag', () => {
    assert.throws(() => run(['--push-port', 'x']), /--push-port must be a port/);
    assert.throws(() => run(['--lease-duration', '10']), /--lease-duration must be a duration/);
    assert.throws(() => run(['--lease-duration', '5s']), UsageError);
    assert.throws(() => run(['--leader-elect', 'maybe']), /true or false/);
    assert.throws(() => run(['--sidecar-resources', '{']), /must be JSON/);
    assert.throws(
      () => run(['--sidecar-env', '[{"name":"A","value":1}]']),
      /--sidecar-env must be a JSON list/,
    );
    assert.throws(() => parseOptions(['frobnicate']), /unknown command/);
  });

  it('still parses compile and help', () => {
    assert.deepEqual(parseOptions(['help']), { command: 'help' });
    assert.equal(parseOptions(['compile', '-f', 'x.yaml']).command, 'compile');
  });

  it('parses access decisions: a verb, one namespace/name, an optional message', () => {
    assert.deepEqual(parseOptions(['access', 'approve', 'team-a/ask', '-m', 'ok for Q4']), {
      command: 'access',
      verb: 'approve',
      namespace: 'team-a',
      name: 'ask',
      message: 'ok for Q4',
    });
    assert.deepEqual(parseOptions(['access', 'revoke', 'team-a/ask', '--kubeconfig', '/k']), {
      command: 'access',
      verb: 'revoke',
      namespace: 'team-a',
      name: 'ask',
      kubeconfig: '/k',
    });
    assert.throws(() => parseOptions(['access', 'grant', 'team-a/ask']), /approve, deny, revoke/);
    assert.throws(() => parseOptions(['access', 'deny', 'ask']), /<namespace>\/<name>/);
    assert.throws(() => parseOptions(['access', 'deny', 'a/b', 'c/d']), /one AIAccessRequest/);
    assert.throws(() => parseOptions(['access', 'deny', 'a/b', '-m', 'x'.repeat(1025)]), /1024/);
  });
});
