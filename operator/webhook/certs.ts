// The operator's own TLS: a self-signed CA and a serving certificate (webhook and push endpoint),
// made with @peculiar/x509 and kept in one Secret so every replica serves the same certificate.
// Whoever finds the Secret missing, unreadable or due for renewal writes a new one with
// optimistic concurrency (create, or update on the resourceVersion it read); a replica that loses
// that race adopts the winner's. The CA lives ten years and is replaced a year before it ends,
// with the old CA kept in the bundle while certificates it signed may still be in use; the serving
// certificate lives one year and is renewed with a third of its life left.
// The Secret is made at run time, not by Helm, so it names an owner that Helm does make (the
// leader Lease of the release): `helm uninstall` deletes the owner and the garbage collector the
// Secret. Without that owner (no chart, or a Lease the operator made itself) the Secret has no
// ownerReference and stays.
import { webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import './reflect-metadata.ts';
import * as x509 from '@peculiar/x509';
import {
  isConflict,
  isNotFound,
  type KubeApi,
  type KubeObject,
  type ObjectMeta,
  RESOURCES,
  resourcePath,
} from '../kube/api.ts';
import type { Logger } from '../log.ts';

x509.cryptoProvider.set(webcrypto as never);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

export interface TlsBundle {
  /** PEM bundle of trusted CAs (newest first): the webhook caBundle and the sidecars' trust. */
  caBundle: string;
  /** Serving certificate (PEM) and its key (PKCS#8 PEM). */
  cert: string;
  key: string;
}

interface Stored extends TlsBundle {
  caCert: string;
  caKey: string;
}

export interface Validity {
  caDays: number;
  certDays: number;
}

export const DEFAULT_VALIDITY: Validity = { caDays: 3650, certDays: 365 };

type CryptoKey = webcrypto.CryptoKey;

async function keyPair() {
  return (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
}

async function pkcs8(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').replace(/.{1,64}/g, '$&\n')}-----END PRIVATE KEY-----\n`;
}

async function importKey(pem: string): Promise<CryptoKey> {
  const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  return webcrypto.subtle.importKey('pkcs8', der, ALG, true, ['sign']);
}

export async function createCA(now: Date, days: number): Promise<{ cert: string; key: string }> {
  const keys = await keyPair();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=aimesh-operator-ca-${Math.floor(now.getTime() / 1000)}`,
    notBefore: new Date(now.getTime() - 3_600_000),
    notAfter: new Date(now.getTime() + days * DAY),
    keys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert: cert.toString('pem'), key: await pkcs8(keys.privateKey) };
}

export async function issueServing(
  ca: { cert: string; key: string },
  hosts: string[],
  now: Date,
  days: number,
): Promise<{ cert: string; key: string }> {
  const caCert = new x509.X509Certificate(ca.cert);
  const keys = await keyPair();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${hosts.find((h) => !isIP(h)) ?? hosts[0] ?? 'aimesh-operator'}`,
    issuer: caCert.subject,
    notBefore: new Date(now.getTime() - 3_600_000),
    notAfter: new Date(Math.min(now.getTime() + days * DAY, caCert.notAfter.getTime())),
    publicKey: keys.publicKey,
    signingKey: await importKey(ca.key),
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(
        hosts.map((h) => ({ type: isIP(h) ? 'ip' : 'dns', value: h })),
      ),
      await x509.AuthorityKeyIdentifierExtension.create(caCert, false),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert: cert.toString('pem'), key: await pkcs8(keys.privateKey) };
}

function serial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0]! &= 0x7f; // positive
  return Buffer.from(bytes).toString('hex');
}

/** Pure: what must be renewed, given the stored PEMs, the wanted hosts and the time. */
export function renewalNeeded(
  stored: Partial<Stored> | undefined,
  hosts: string[],
  now: Date,
): { ca: boolean; cert: boolean } {
  const ca = parse(stored?.caCert);
  if (!ca || !stored?.caKey || remaining(ca, now) < Math.min(365 * DAY, lifetime(ca) / 3))
    return { ca: true, cert: true };
  const cert = parse(stored.cert);
  if (!cert || !stored.key) return { ca: false, cert: true };
  const sans = new Set(
    (cert.getExtension(x509.SubjectAlternativeNameExtension)?.names.toJSON() ?? []).map((n) => n.value),
  );
  const issuedByCa = cert.issuer === ca.subject;
  const stale = remaining(cert, now) < lifetime(cert) / 3;
  return { ca: false, cert: stale || !issuedByCa || hosts.some((h) => !sans.has(h)) };
}

function parse(pem: string | undefined): x509.X509Certificate | undefined {
  if (!pem) return undefined;
  try {
    return new x509.X509Certificate(pem);
  } catch {
    return undefined;
  }
}
const remaining = (c: x509.X509Certificate, now: Date) => c.notAfter.getTime() - now.getTime();
const lifetime = (c: x509.X509Certificate) => c.notAfter.getTime() - c.notBefore.getTime();

/** CA PEMs of a bundle that are still valid at `now`. */
function validCAs(bundle: string | undefined, now: Date): string[] {
  const pems = bundle?.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return pems.filter((p) => {
    const c = parse(p);
    return c !== undefined && c.notAfter.getTime() > now.getTime();
  });
}

export interface CertManagerOptions {
  namespace: string;
  secretName: string;
  /** SANs of the serving certificate (service DNS names, extra hosts/IPs). */
  hosts: string[];
  /** MutatingWebhookConfiguration whose webhooks get the caBundle; empty: none. */
  webhookConfigName?: string;
  /**
   * An object in the Secret's namespace that the Secret is deleted with, when it exists and an
   * installer made it (it has an app.kubernetes.io/managed-by label).
   */
  owner?: { apiVersion: string; kind: string; name: string; path: string };
  validity?: Validity;
  now?: () => Date;
}

export class CertManager {
  readonly #kube: KubeApi;
  readonly #log: Logger;
  readonly #opts: CertManagerOptions;
  readonly #now: () => Date;
  #current: TlsBundle | undefined;
  #listeners: ((b: TlsBundle) => void)[] = [];

  constructor(kube: KubeApi, log: Logger, opts: CertManagerOptions) {
    this.#kube = kube;
    this.#log = log.child({ component: 'certs' });
    this.#opts = opts;
    this.#now = opts.now ?? (() => new Date());
  }

  get current(): TlsBundle | undefined {
    return this.#current;
  }

  /** Called with the new bundle whenever it changes (after the first ensure). */
  onChange(listener: (b: TlsBundle) => void): void {
    this.#listeners.push(listener);
  }

  /** Reads (or creates / renews) the Secret, then makes sure the webhook trusts the CA. */
  async ensure(): Promise<TlsBundle> {
    const bundle = await this.#ensureSecret();
    const changed = this.#current?.cert !== bundle.cert || this.#current?.caBundle !== bundle.caBundle;
    const first = this.#current === undefined;
    this.#current = bundle;
    if (changed && !first) {
      this.#log.info('serving certificate changed; reloading');
      for (const l of this.#listeners) l(bundle);
    }
    await this.syncCaBundle();
    return bundle;
  }

  /** Puts the CA bundle into the webhook configuration if it is missing or stale (e.g. after a helm upgrade). */
  async syncCaBundle(): Promise<void> {
    if (this.#current) await this.#ensureCaBundle(this.#current.caBundle);
  }

  async #ensureSecret(): Promise<TlsBundle> {
    const path = resourcePath(RESOURCES.Secret, this.#opts.namespace, this.#opts.secretName);
    for (let attempt = 0; ; attempt++) {
      let secret: { metadata: ObjectMeta; data?: Record<string, string> } | undefined;
      try {
        secret = await this.#kube.get(path);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
      const stored = decode(secret?.data);
      const now = this.#now();
      const need = renewalNeeded(stored, this.#opts.hosts, now);
      const owners = await this.#owners(secret?.metadata.ownerReferences);
      const renew = need.ca || need.cert;
      // A Secret made before its owner existed (or by an older operator) is adopted on the next check.
      if (!renew && owners === undefined) return pick(stored as Stored);
      const next = renew ? await this.#renew(stored, need.ca, now) : (stored as Stored);
      const ownerReferences = owners ?? secret?.metadata.ownerReferences;
      const body = {
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'kubernetes.io/tls',
        metadata: {
          name: this.#opts.secretName,
          namespace: this.#opts.namespace,
          labels: { 'app.kubernetes.io/managed-by': 'aimesh-operator' },
          ...(ownerReferences?.length ? { ownerReferences } : {}),
          ...(secret?.metadata.resourceVersion ? { resourceVersion: secret.metadata.resourceVersion } : {}),
        },
        data: encode(next),
      };
      try {
        if (secret) await this.#kube.replace(path, body);
        else await this.#kube.create(resourcePath(RESOURCES.Secret, this.#opts.namespace), body);
        if (renew)
          this.#log.info({ ca: need.ca, secret: this.#opts.secretName }, 'wrote a new serving certificate');
        else this.#log.info({ secret: this.#opts.secretName }, 'certificate Secret now owned by its release');
        return pick(next);
      } catch (err) {
        // Another replica wrote first: adopt its certificate on the next read.
        if ((isConflict(err) || (err as { status?: number }).status === 409) && attempt < 3) continue;
        throw err;
      }
    }
  }

  /**
   * The Secret's ownerReferences with the owner in them, or undefined when nothing needs to change
   * (the owner is there already, or it does not exist: then the Secret keeps what it has).
   */
  async #owners(current: ObjectMeta['ownerReferences']): Promise<ObjectMeta['ownerReferences']> {
    const o = this.#opts.owner;
    if (!o) return undefined;
    let uid: string | undefined;
    try {
      const meta = (await this.#kube.get<KubeObject>(o.path)).metadata;
      // Only an installer's object (Helm labels what it makes): a Lease the operator made itself
      // when there is no chart must not take the Secret with it.
      const by = meta.labels?.['app.kubernetes.io/managed-by'];
      if (by && by !== 'aimesh-operator') uid = meta.uid;
    } catch (err) {
      if (!isNotFound(err)) this.#log.debug({ err: (err as Error).message }, 'certificate owner not read');
    }
    const refs = current ?? [];
    if (!uid || refs.some((r) => r.uid === uid)) return undefined;
    // An earlier owner of the same name (deleted and made again) is replaced.
    const others = refs.filter((r) => !(r.kind === o.kind && r.name === o.name));
    return [...others, { apiVersion: o.apiVersion, kind: o.kind, name: o.name, uid }];
  }

  async #renew(stored: Partial<Stored> | undefined, newCA: boolean, now: Date): Promise<Stored> {
    const { caDays, certDays } = this.#opts.validity ?? DEFAULT_VALIDITY;
    let ca = { cert: stored?.caCert ?? '', key: stored?.caKey ?? '' };
    let caBundle = stored?.caBundle ?? ca.cert;
    if (newCA) {
      ca = await createCA(now, caDays);
      // Keep the previous CA while it is valid: pods injected earlier still trust only it.
      caBundle = [ca.cert, ...validCAs(stored?.caBundle ?? stored?.caCert, now)].join('');
    }
    const leaf = await issueServing(ca, this.#opts.hosts, now, certDays);
    return { caCert: ca.cert, caKey: ca.key, caBundle: validCAs(caBundle, now).join(''), ...leaf };
  }

  async #ensureCaBundle(caBundle: string): Promise<void> {
    const name = this.#opts.webhookConfigName;
    if (!name) return;
    const path = resourcePath(RESOURCES.MutatingWebhookConfiguration, undefined, name);
    let config: { webhooks?: { clientConfig?: { caBundle?: string } }[] };
    try {
      config = await this.#kube.get(path);
    } catch (err) {
      if (isNotFound(err)) {
        this.#log.debug({ name }, 'MutatingWebhookConfiguration not found; nothing to patch');
        return;
      }
      throw err;
    }
    const b64 = Buffer.from(caBundle).toString('base64');
    const ops = (config.webhooks ?? []).flatMap((w, i) =>
      w.clientConfig?.caBundle === b64
        ? []
        : [{ op: 'add', path: `/webhooks/${i}/clientConfig/caBundle`, value: b64 }],
    );
    if (ops.length === 0) return;
    await this.#kube.patch(path, ops, 'json');
    this.#log.info({ name, webhooks: ops.length }, 'patched the webhook caBundle');
  }
}

const KEYS = {
  caCert: 'ca.crt',
  caKey: 'ca.key',
  caBundle: 'ca-bundle.crt',
  cert: 'tls.crt',
  key: 'tls.key',
} as const;

function decode(data: Record<string, string> | undefined): Partial<Stored> | undefined {
  if (!data) return undefined;
  const out: Partial<Stored> = {};
  for (const [field, key] of Object.entries(KEYS)) {
    if (data[key]) out[field as keyof Stored] = Buffer.from(data[key], 'base64').toString('utf8');
  }
  return out;
}

function encode(s: Stored): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, key] of Object.entries(KEYS))
    out[key] = Buffer.from(s[field as keyof Stored]).toString('base64');
  return out;
}

function pick(s: Stored): TlsBundle {
  return { caBundle: s.caBundle || s.caCert, cert: s.cert, key: s.key };
}
