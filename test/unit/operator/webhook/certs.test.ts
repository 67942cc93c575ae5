import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import { isNotFound, type KubeApi, KubeError } from '../../../../operator/kube/api.ts';
import { silentLogger } from '../../../../operator/log.ts';
import { CertManager, createCA, issueServing, renewalNeeded } from '../../../../operator/webhook/certs.ts';

const DAY = 86_400_000;
const now = new Date('2030-01-01T00:00:00Z');
const hosts = ['aimesh-operator.aimesh-system.svc', '127.0.0.1'];

describe('certificates', () => {
  it('issues a serving certificate the CA vouches for, with DNS and IP names', async () => {
    const ca = await createCA(now, 3650);
    const leaf = await issueServing(ca, hosts, now, 365);
    const x = new X509Certificate(leaf.cert);
    assert.ok(x.verify(new X509Certificate(ca.cert).publicKey));
    assert.equal(x.checkHost('aimesh-operator.aimesh-system.svc'), 'aimesh-operator.aimesh-system.svc');
    assert.equal(x.checkIP('127.0.0.1'), '127.0.0.1');
    assert.equal(new X509Certificate(ca.cert).ca, true);
    assert.equal(x.ca, false);
  });

  it('renews the leaf with a third of its life left, or when names are missing, and the CA a year before it ends', async () => {
    const ca = await createCA(now, 3650);
    const leaf = await issueServing(ca, hosts, now, 365);
    const stored = { caCert: ca.cert, caKey: ca.key, caBundle: ca.cert, ...leaf };
    assert.deepEqual(renewalNeeded(stored, hosts, now), { ca: false, cert: false });
    assert.deepEqual(renewalNeeded(stored, hosts, new Date(now.getTime() + 250 * DAY)), {
      ca: false,
      cert: true,
    });
    assert.deepEqual(renewalNeeded(stored, [...hosts, 'new.example'], now), { ca: false, cert: true });
    assert.deepEqual(renewalNeeded(stored, hosts, new Date(now.getTime() + 3400 * DAY)), {
      ca: true,
      cert: true,
    });
    assert.deepEqual(renewalNeeded(undefined, hosts, now), { ca: true, cert: true });
    assert.deepEqual(renewalNeeded({ ...stored, cert: 'garbage' }, hosts, now), { ca: false, cert: true });
  });

  it('keeps one Secret for all replicas: the second reads what the first wrote', async () => {
    const secrets = new Map<string, any>();
    let rv = 0;
    const kube = {
      get: async (path: string) => {
        if (!secrets.has(path)) throw new KubeError(404, 'NotFound', 'not found');
        return structuredClone(secrets.get(path));
      },
      create: async (path: string, body: any) => {
        const key = `${path}/${body.metadata.name}`;
        if (secrets.has(key)) throw new KubeError(409, 'AlreadyExists', 'exists');
        secrets.set(key, { ...body, metadata: { ...body.metadata, resourceVersion: String(++rv) } });
        return body;
      },
      replace: async (path: string, body: any) => {
        if (secrets.get(path)?.metadata.resourceVersion !== body.metadata.resourceVersion)
          throw new KubeError(409, 'Conflict', 'conflict');
        secrets.set(path, { ...body, metadata: { ...body.metadata, resourceVersion: String(++rv) } });
        return body;
      },
    } as unknown as KubeApi;
    const opts = { namespace: 'aimesh-system', secretName: 'tls', hosts };
    const a = await new CertManager(kube, silentLogger(), opts).ensure();
    const b = await new CertManager(kube, silentLogger(), opts).ensure();
    assert.equal(a.cert, b.cert);
    assert.equal(a.caBundle, b.caBundle);
    assert.equal(secrets.size, 1);
    assert.equal([...secrets.values()][0].type, 'kubernetes.io/tls');
    assert.ok(isNotFound(new KubeError(404, 'NotFound', '')));
  });

  it("is owned by the chart's Lease when there is one (so helm uninstall takes it), and works without", async () => {
    const objects = new Map<string, any>();
    let rv = 0;
    const store = (path: string, body: any) => {
      const o = { ...body, metadata: { ...body.metadata, uid: `uid-${++rv}`, resourceVersion: String(rv) } };
      objects.set(path, o);
      return structuredClone(o);
    };
    const kube = {
      get: async (path: string) => {
        if (!objects.has(path)) throw new KubeError(404, 'NotFound', 'not found');
        return structuredClone(objects.get(path));
      },
      create: async (path: string, body: any) => store(`${path}/${body.metadata.name}`, body),
      replace: async (path: string, body: any) => {
        if (objects.get(path)?.metadata.resourceVersion !== body.metadata.resourceVersion)
          throw new KubeError(409, 'Conflict', 'conflict');
        return store(path, body);
      },
    } as unknown as KubeApi;
    const leasePath = '/apis/coordination.k8s.io/v1/namespaces/aimesh-system/leases/aimesh-leader';
    const secretPath = '/api/v1/namespaces/aimesh-system/secrets/tls';
    let t = now;
    const manager = () =>
      new CertManager(kube, silentLogger(), {
        namespace: 'aimesh-system',
        secretName: 'tls',
        hosts,
        now: () => t,
        owner: {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          name: 'aimesh-leader',
          path: leasePath,
        },
      });

    // No owner yet: no ownerReference. A Lease the operator made itself (no installer label) is none either.
    const first = await manager().ensure();
    assert.equal(objects.get(secretPath).metadata.ownerReferences, undefined);
    store(leasePath, { metadata: { name: 'aimesh-leader' } });
    await manager().ensure();
    assert.equal(objects.get(secretPath).metadata.ownerReferences, undefined);

    // The chart's Lease: the next check adopts the Secret, certificate unchanged.
    const lease = store(leasePath, {
      metadata: { name: 'aimesh-leader', labels: { 'app.kubernetes.io/managed-by': 'Helm' } },
    });
    const adopted = await manager().ensure();
    assert.equal(adopted.cert, first.cert);
    const owned = [
      { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', name: 'aimesh-leader', uid: lease.metadata.uid },
    ];
    assert.deepEqual(objects.get(secretPath).metadata.ownerReferences, owned);
    const version = objects.get(secretPath).metadata.resourceVersion;
    await manager().ensure();
    assert.equal(objects.get(secretPath).metadata.resourceVersion, version, 'no write when nothing changed');

    // A renewal keeps the owner.
    t = new Date(now.getTime() + 300 * DAY);
    const renewed = await manager().ensure();
    assert.notEqual(renewed.cert, first.cert);
    assert.deepEqual(objects.get(secretPath).metadata.ownerReferences, owned);
  });
});
