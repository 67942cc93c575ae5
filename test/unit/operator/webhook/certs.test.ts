import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import { isNotFound, type KubeApi, KubeError } from '../../../../operator/kube/api.ts';
import { silentLogger } from '../../../../operator/log.ts';
import {
  advanceCA,
  CertManager,
  createCA,
  issueServing,
  servingRenewalNeeded,
} from '../../../../operator/webhook/certs.ts';

const DAY = 86_400_000;
const now = new Date('2030-01-01T00:00:00Z');
const hosts = ['aimesh-operator.aimesh-system.svc', '127.0.0.1'];

const norm = (pem: string) => `${pem.trim()}\n`;
const pems = (bundle: string) =>
  (bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map(norm);

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

  it('renews the leaf with a third of its life left, when names are missing, or when another CA signs', async () => {
    const ca = await createCA(now, 3650);
    const leaf = await issueServing(ca, hosts, now, 365);
    assert.equal(servingRenewalNeeded(ca.cert, leaf, hosts, now), false);
    assert.equal(servingRenewalNeeded(ca.cert, leaf, hosts, new Date(now.getTime() + 250 * DAY)), true);
    assert.equal(servingRenewalNeeded(ca.cert, leaf, [...hosts, 'new.example'], now), true);
    assert.equal(servingRenewalNeeded((await createCA(now, 3650)).cert, leaf, hosts, now), true);
    assert.equal(servingRenewalNeeded(ca.cert, undefined, hosts, now), true);
    assert.equal(servingRenewalNeeded(ca.cert, { ...leaf, cert: 'garbage' }, hosts, now), true);
  });

  it('rotates the CA with an overlap: the next CA is trusted for 30 days before it signs', async () => {
    const at = (days: number) => new Date(now.getTime() + days * DAY);
    const first = (await advanceCA(undefined, now))!.state;
    assert.equal(first.bundle, `${first.cert.trim()}\n`);
    assert.equal(await advanceCA(first, at(3000)), undefined, 'nothing to do for years');

    // A year before the end: a next CA is published next to the signing one, which keeps signing.
    const published = (await advanceCA(first, at(3300)))!.state;
    assert.equal(published.cert, first.cert);
    assert.ok(published.next);
    assert.deepEqual(pems(published.bundle), [first.cert, published.next.cert].map(norm));
    assert.equal(await advanceCA(published, at(3320)), undefined, 'still within the overlap');

    // After the overlap it signs; the old CA stays trusted while it is valid, then drops out.
    const promoted = (await advanceCA(published, at(3331)))!.state;
    assert.equal(promoted.cert, published.next.cert);
    assert.equal(promoted.next, undefined);
    assert.deepEqual(pems(promoted.bundle), [published.next.cert, first.cert].map(norm));
    const later = (await advanceCA(promoted, at(3660)))!.state;
    assert.deepEqual(pems(later.bundle), [promoted.cert].map(norm));

    // Only a missing or expired CA is replaced at once.
    const expired = (await advanceCA(first, at(3700)))!.state;
    assert.notEqual(expired.cert, first.cert);
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
    assert.equal(secrets.size, 2);
    const serving = secrets.get('/api/v1/namespaces/aimesh-system/secrets/tls');
    assert.equal(serving.type, 'kubernetes.io/tls');
    assert.deepEqual(
      Object.keys(serving.data).sort(),
      ['tls.crt', 'tls.key'],
      'no CA key next to the serving key',
    );
    const ca = secrets.get('/api/v1/namespaces/aimesh-system/secrets/tls-ca');
    assert.deepEqual(Object.keys(ca.data).sort(), ['ca-bundle.crt', 'ca.crt', 'ca.key']);
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
    // The CA Secret is never owned: helm uninstall leaves it, and a reinstall keeps the CA.
    assert.equal(objects.get(`${secretPath}-ca`).metadata.ownerReferences, undefined);
    objects.delete(secretPath);
    const reinstalled = await manager().ensure();
    assert.equal(reinstalled.caBundle, renewed.caBundle);
    assert.notEqual(reinstalled.cert, renewed.cert);
  });

  it('adopts the CA an older operator kept in the serving Secret, and drops its key from there', async () => {
    const objects = new Map<string, any>();
    let rv = 0;
    const kube = {
      get: async (path: string) => {
        if (!objects.has(path)) throw new KubeError(404, 'NotFound', 'not found');
        return structuredClone(objects.get(path));
      },
      create: async (path: string, body: any) =>
        objects.set(`${path}/${body.metadata.name}`, {
          ...body,
          metadata: { ...body.metadata, resourceVersion: String(++rv) },
        }),
      replace: async (path: string, body: any) =>
        objects.set(path, { ...body, metadata: { ...body.metadata, resourceVersion: String(++rv) } }),
    } as unknown as KubeApi;
    const ca = await createCA(now, 3650);
    const leaf = await issueServing(ca, hosts, now, 365);
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const path = '/api/v1/namespaces/aimesh-system/secrets/tls';
    objects.set(path, {
      metadata: { name: 'tls', resourceVersion: '1' },
      type: 'kubernetes.io/tls',
      data: {
        'ca.crt': b64(ca.cert),
        'ca.key': b64(ca.key),
        'ca-bundle.crt': b64(ca.cert),
        'tls.crt': b64(leaf.cert),
        'tls.key': b64(leaf.key),
      },
    });
    const bundle = await new CertManager(kube, silentLogger(), {
      namespace: 'aimesh-system',
      secretName: 'tls',
      hosts,
      now: () => now,
    }).ensure();
    assert.deepEqual(pems(bundle.caBundle), [norm(ca.cert)], 'sidecars keep trusting the same CA');
    assert.equal(bundle.cert, leaf.cert, 'the serving certificate stays');
    assert.deepEqual(Object.keys(objects.get(path).data).sort(), ['tls.crt', 'tls.key']);
  });
});
