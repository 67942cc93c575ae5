// The operator's own TLS: a self-signed CA and a serving certificate (webhook and push endpoint),
// made with @peculiar/x509 and kept in Secrets so every replica serves the same certificate.
// Two Secrets (CertManager below): the CA's (key and trust bundle; read by the operator only, owned
// by nothing, so it survives `helm uninstall` and a reinstall keeps running sidecars connected) and
// the serving one (tls.crt and tls.key; owned by the chart's leader Lease, so the uninstall
// removes it). The CA lives ten years; a year before it ends a next CA joins the trust bundle,
// which sidecars re-read on every connection (GET /v1/trust on the push port) and new pods get
// at injection, and signs only after an overlap (30 days). The serving certificate lives one year
// and is renewed with a third of its life left.
import { webcrypto, X509Certificate } from 'node:crypto';
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
    // Unique names: a bundle may hold several CAs (rotation), and TLS finds issuers by name first.
    name: `CN=aimesh-operator-ca-${Math.floor(now.getTime() / 1000)}-${serial().slice(0, 8)}`,
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

/** The CA state kept in the CA Secret. */
export interface CAState {
  /** The CA that signs serving certificates. */
  cert: string;
  key: string;
  /** Every CA sidecars should trust now (PEM, signing CA first): signing, next, and previous ones while valid. */
  bundle: string;
  /** A CA published in the bundle ahead of signing with it, and since when (ms). */
  next?: { cert: string; key: string; since: number };
}

export interface Validity {
  caDays: number;
  certDays: number;
  /** How long a new CA is trusted (in the bundle sidecars fetch) before it signs; default 30 days. */
  overlapDays?: number;
}

export const DEFAULT_VALIDITY: Validity = { caDays: 3650, certDays: 365, overlapDays: 30 };

/**
 * One step of CA rotation (undefined: nothing to do). A year before the signing CA ends (or a
 * third of its life), a next CA is made and published in the bundle while the old one keeps
 * signing; once it has been published for the overlap (sidecars re-read the bundle every time they
 * connect, and new pods get it at injection), it signs, and the old CA stays in the bundle while
 * it is valid. Only a missing or expired CA is replaced at once.
 */
export async function advanceCA(
  state: Partial<CAState> | undefined,
  now: Date,
  validity: Validity = DEFAULT_VALIDITY,
): Promise<{ state: CAState; why: string } | undefined> {
  const overlap = (validity.overlapDays ?? 30) * DAY;
  const ca = parse(state?.cert);
  const bundle = (...first: string[]) => unique([...first, ...validCAs(state?.bundle, now)]).join('');
  if (!ca || !state?.key || remaining(ca, now) <= 0) {
    const fresh = await createCA(now, validity.caDays);
    return { state: { ...fresh, bundle: bundle(fresh.cert) }, why: 'no usable CA' };
  }
  const next = state.next;
  if (next && parse(next.cert) && (now.getTime() - next.since >= overlap || remaining(ca, now) < DAY))
    return {
      state: { cert: next.cert, key: next.key, bundle: bundle(next.cert, state.cert!) },
      why: 'the next CA signs from now on',
    };
  if (!next && remaining(ca, now) < Math.min(365 * DAY, lifetime(ca) / 3)) {
    const fresh = await createCA(now, validity.caDays);
    return {
      state: {
        cert: state.cert!,
        key: state.key,
        bundle: bundle(state.cert!, fresh.cert),
        next: { ...fresh, since: now.getTime() },
      },
      why: 'the CA ends within a year: a next CA is published',
    };
  }
  // The bundle lost a CA it must hold (edited by hand, an expired one dropped): repair it.
  const repaired = bundle(state.cert!, ...(next && parse(next.cert) ? [next.cert] : []));
  if (repaired !== state.bundle) return { state: { ...(state as CAState), bundle: repaired }, why: 'bundle' };
  return undefined;
}

/** Whether the serving certificate must be (re)issued by `ca` for `hosts` at `now`. */
export function servingRenewalNeeded(
  ca: string,
  serving: { cert?: string; key?: string } | undefined,
  hosts: string[],
  now: Date,
): boolean {
  const cert = parse(serving?.cert);
  const issuer = parse(ca);
  if (!cert || !serving?.key || !issuer) return true;
  const sans = new Set(
    (cert.getExtension(x509.SubjectAlternativeNameExtension)?.names.toJSON() ?? []).map((n) => n.value),
  );
  const stale = remaining(cert, now) < lifetime(cert) / 3;
  const signedBy = new X509Certificate(serving!.cert!).verify(new X509Certificate(ca).publicKey);
  return stale || !signedBy || hosts.some((h) => !sans.has(h));
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
const unique = (pems: string[]) => [...new Set(pems.map((p) => `${p.trim()}\n`))];

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
  /** The serving Secret (kubernetes.io/tls: tls.crt and tls.key only). */
  secretName: string;
  /** The CA Secret (CA key, trust bundle), default `<secretName>-ca`. */
  caSecretName?: string;
  /** SANs of the serving certificate (service DNS names, extra hosts/IPs). */
  hosts: string[];
  /** MutatingWebhookConfiguration whose webhooks get the caBundle; empty: none. */
  webhookConfigName?: string;
  /**
   * An object in the Secrets' namespace that the serving Secret is deleted with, when it exists
   * and an installer made it (it has an app.kubernetes.io/managed-by label). Never the CA Secret.
   */
  owner?: { apiVersion: string; kind: string; name: string; path: string };
  validity?: Validity;
  now?: () => Date;
}

type SecretObject = { metadata: ObjectMeta; data?: Record<string, string> };

const MANAGED = { 'app.kubernetes.io/managed-by': 'aimesh-operator' };
const NEXT_SINCE = 'aimesh.io/next-ca-since';
const KEEP_NOTE = 'aimesh.io/note';

/**
 * The operator's TLS in two Secrets of its namespace. The CA Secret (CA key, trust bundle) is read
 * only by the operator (a Role by name) and owned by nothing, so `helm uninstall` leaves it: a
 * reinstall reuses the CA that running sidecars trust. The serving Secret holds the serving
 * certificate and key only and goes with the chart's Lease. Every replica reads both; whoever
 * finds something missing or due writes it with optimistic concurrency (create, or update on the
 * resourceVersion it read), and a replica that loses the race adopts the winner's.
 */
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

  /** Reads (or creates / renews) the Secrets, then makes sure the webhook trusts the CA. */
  async ensure(): Promise<TlsBundle> {
    const ca = await this.#retry(() => this.#ensureCA());
    const serving = await this.#retry(() => this.#ensureServing(ca));
    const bundle = { caBundle: ca.bundle, ...serving };
    const changed = this.#current?.cert !== bundle.cert || this.#current?.caBundle !== bundle.caBundle;
    const first = this.#current === undefined;
    this.#current = bundle;
    if (changed && !first) {
      this.#log.info('serving certificate or CA bundle changed; reloading');
      for (const l of this.#listeners) l(bundle);
    }
    await this.syncCaBundle();
    return bundle;
  }

  /** Puts the CA bundle into the webhook configuration if it is missing or stale (e.g. after a helm upgrade). */
  async syncCaBundle(): Promise<void> {
    if (this.#current) await this.#ensureCaBundle(this.#current.caBundle);
  }

  get #caSecret(): string {
    return this.#opts.caSecretName ?? `${this.#opts.secretName}-ca`;
  }

  async #retry<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (err) {
        // Another replica wrote first: adopt what it wrote on the next read.
        if ((isConflict(err) || (err as { status?: number }).status === 409) && attempt < 3) continue;
        throw err;
      }
    }
  }

  async #ensureCA(): Promise<CAState> {
    const secret = await this.#read(this.#caSecret);
    let state = secret ? caFrom(secret) : undefined;
    let adopted = false;
    if (!state?.cert) {
      // An older operator kept the CA in the serving Secret: adopt it, so sidecars keep trusting.
      const legacy = decode((await this.#read(this.#opts.secretName))?.data);
      if (legacy['ca.crt'] && legacy['ca.key']) {
        state = {
          cert: legacy['ca.crt'],
          key: legacy['ca.key'],
          bundle: legacy['ca-bundle.crt'] ?? legacy['ca.crt'],
        };
        adopted = true;
      }
    }
    const step = await advanceCA(state, this.#now(), this.#opts.validity);
    if (!step && !adopted) return state as CAState;
    const next = step?.state ?? (state as CAState);
    await this.#write(this.#caSecret, secret, {
      type: 'Opaque',
      metadata: {
        labels: MANAGED,
        annotations: {
          [KEEP_NOTE]:
            'The CA sidecars trust: not removed by helm uninstall, so a reinstall keeps running sidecars connected. Delete it by hand to remove AIMesh completely.',
          ...(next.next ? { [NEXT_SINCE]: new Date(next.next.since).toISOString() } : {}),
        },
      },
      data: encode({
        'ca.crt': next.cert,
        'ca.key': next.key,
        'ca-bundle.crt': next.bundle,
        ...(next.next ? { 'next-ca.crt': next.next.cert, 'next-ca.key': next.next.key } : {}),
      }),
    });
    this.#log.info(
      { secret: this.#caSecret, why: step?.why ?? 'adopted from the serving Secret' },
      'CA updated',
    );
    return next;
  }

  async #ensureServing(ca: CAState): Promise<{ cert: string; key: string }> {
    const secret = await this.#read(this.#opts.secretName);
    const data = decode(secret?.data);
    const stored = { cert: data['tls.crt'], key: data['tls.key'] };
    const renew = servingRenewalNeeded(ca.cert, stored, this.#opts.hosts, this.#now());
    const owners = await this.#owners(secret?.metadata.ownerReferences);
    // Keys beyond tls.crt/tls.key (a CA key from an older operator) are dropped on this write.
    const extra = Object.keys(data).some((k) => k !== 'tls.crt' && k !== 'tls.key');
    if (!renew && owners === undefined && !extra) return stored as { cert: string; key: string };
    const { certDays } = this.#opts.validity ?? DEFAULT_VALIDITY;
    const leaf = renew
      ? await issueServing(ca, this.#opts.hosts, this.#now(), certDays)
      : (stored as { cert: string; key: string });
    const ownerReferences = owners ?? secret?.metadata.ownerReferences;
    await this.#write(this.#opts.secretName, secret, {
      type: 'kubernetes.io/tls',
      metadata: { labels: MANAGED, ...(ownerReferences?.length ? { ownerReferences } : {}) },
      data: encode({ 'tls.crt': leaf.cert, 'tls.key': leaf.key }),
    });
    if (renew) this.#log.info({ secret: this.#opts.secretName }, 'wrote a new serving certificate');
    else this.#log.info({ secret: this.#opts.secretName }, 'serving certificate Secret updated');
    return leaf;
  }

  async #read(name: string): Promise<SecretObject | undefined> {
    try {
      return await this.#kube.get<SecretObject>(resourcePath(RESOURCES.Secret, this.#opts.namespace, name));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /** Creates the Secret, or replaces the version `prev` read (a conflict means someone else wrote). */
  async #write(
    name: string,
    prev: SecretObject | undefined,
    body: { type: string; metadata: Partial<ObjectMeta>; data: Record<string, string> },
  ): Promise<void> {
    const object = {
      apiVersion: 'v1',
      kind: 'Secret',
      type: body.type,
      metadata: {
        ...body.metadata,
        name,
        namespace: this.#opts.namespace,
        ...(prev?.metadata.resourceVersion ? { resourceVersion: prev.metadata.resourceVersion } : {}),
      },
      data: body.data,
    };
    if (prev) await this.#kube.replace(resourcePath(RESOURCES.Secret, this.#opts.namespace, name), object);
    else await this.#kube.create(resourcePath(RESOURCES.Secret, this.#opts.namespace), object);
  }

  /**
   * The serving Secret's ownerReferences with the owner in them, or undefined when nothing needs to
   * change (the owner is there already, or it does not exist: then the Secret keeps what it has).
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

function caFrom(secret: SecretObject): Partial<CAState> {
  const d = decode(secret.data);
  const since = Date.parse(secret.metadata.annotations?.[NEXT_SINCE] ?? '');
  return {
    cert: d['ca.crt'],
    key: d['ca.key'],
    bundle: d['ca-bundle.crt'],
    ...(d['next-ca.crt'] && d['next-ca.key']
      ? { next: { cert: d['next-ca.crt'], key: d['next-ca.key'], since: Number.isNaN(since) ? 0 : since } }
      : {}),
  };
}

function decode(data: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data ?? {})) out[k] = Buffer.from(v, 'base64').toString('utf8');
  return out;
}

function encode(data: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) out[k] = Buffer.from(v).toString('base64');
  return out;
}
