// Minimal X.509 certificate authority on node:crypto alone (no npm dependency): mints a CA and
// leaf certificates (serving certs with DNS / IP SANs, client certs with groups) as PEM, for the
// test control plane, webhook servers and the operator's own webhook cert. Keys are ECDSA P-256
// (accepted by Go, Node and OpenSSL); certificates are DER-encoded here and signed with
// crypto.sign, then parsed back with crypto.X509Certificate as a self-check.
//
//   const ca = createCA({ commonName: 'aimesh-test-ca' });
//   const serving = ca.issue({ commonName: 'webhook', hosts: ['127.0.0.1', 'localhost'] });
//   https.createServer({ cert: serving.cert, key: serving.key }, ...);  // caBundle: ca.cert
//   const admin = ca.issue({ commonName: 'admin', organizations: ['system:masters'], usage: 'client' });
import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
  X509Certificate,
} from 'node:crypto';
import { isIP } from 'node:net';

export type CertUsage = 'server' | 'client' | 'both';

export interface IssueOptions {
  commonName: string;
  /** Subject O= entries; for Kubernetes client certs these are the user's groups. */
  organizations?: string[];
  /** SANs: IP literals become IP SANs, everything else DNS SANs. */
  hosts?: string[];
  /** Extended key usage; default 'server' when hosts are given, else 'client'. */
  usage?: CertUsage;
  /** Validity in days (default 7); notBefore is backdated one hour for clock skew. */
  validDays?: number;
}

export interface KeyPair {
  /** PEM certificate. */
  cert: string;
  /** PEM private key (PKCS#8). */
  key: string;
  /** The parsed certificate (checkHost, checkIP, validTo, ...). */
  x509: X509Certificate;
}

export interface CertificateAuthority extends KeyPair {
  issue(options: IssueOptions): KeyPair;
}

/** Creates a self-signed CA that can issue leaf certificates. */
export function createCA(options: { commonName?: string; validDays?: number } = {}): CertificateAuthority {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const name = encodeName(options.commonName ?? 'aimesh-test-ca', []);
  const ski = keyIdentifier(publicKey);
  const der = buildCertificate({
    issuer: name,
    subject: name,
    publicKey,
    signingKey: privateKey,
    validDays: options.validDays ?? 30,
    extensions: [
      extension(OID.basicConstraints, seq(boolean(true)), true),
      extension(OID.keyUsage, keyUsage(['digitalSignature', 'keyCertSign', 'cRLSign']), true),
      extension(OID.subjectKeyIdentifier, octetString(ski)),
    ],
  });
  const ca = toKeyPair(der, privateKey);
  return { ...ca, issue: (opts) => issue({ name, key: privateKey, ski }, opts) };
}

/** Re-opens a CA from PEM (e.g. one persisted in a Secret) to issue more certificates. */
export function loadCA(certPem: string, keyPem: string): CertificateAuthority {
  const x509 = new X509Certificate(certPem);
  const key = createPrivateKey(keyPem);
  const name = subjectName(x509.raw);
  const ski = keyIdentifier(x509.publicKey);
  return { cert: certPem, key: keyPem, x509, issue: (opts) => issue({ name, key, ski }, opts) };
}

function issue(ca: { name: Buffer; key: KeyObject; ski: Buffer }, o: IssueOptions): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const hosts = o.hosts ?? [];
  const usage = o.usage ?? (hosts.length > 0 ? 'server' : 'client');
  const eku = [
    ...(usage === 'server' || usage === 'both' ? [OID.serverAuth] : []),
    ...(usage === 'client' || usage === 'both' ? [OID.clientAuth] : []),
  ];
  const extensions = [
    extension(OID.basicConstraints, seq(), true),
    extension(OID.keyUsage, keyUsage(['digitalSignature']), true),
    extension(OID.extKeyUsage, seq(...eku.map(oid))),
    extension(OID.subjectKeyIdentifier, octetString(keyIdentifier(publicKey))),
    extension(OID.authorityKeyIdentifier, seq(tlv(0x80, ca.ski))),
  ];
  if (hosts.length > 0) extensions.push(extension(OID.subjectAltName, seq(...hosts.map(generalName))));
  const der = buildCertificate({
    issuer: ca.name,
    subject: encodeName(o.commonName, o.organizations ?? []),
    publicKey,
    signingKey: ca.key,
    validDays: o.validDays ?? 7,
    extensions,
  });
  return toKeyPair(der, privateKey);
}

function toKeyPair(der: Buffer, key: KeyObject): KeyPair {
  const cert = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{1,64}/g, '$&\n')}-----END CERTIFICATE-----\n`;
  return {
    cert,
    key: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    x509: new X509Certificate(cert),
  };
}

// ---- DER encoding ------------------------------------------------------------------------------

const OID = {
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
};

function tlv(tag: number, body: Buffer): Buffer {
  const n = body.length;
  let len: Buffer;
  if (n < 0x80) len = Buffer.from([n]);
  else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
    len = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), len, body]);
}
const seq = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));
const octetString = (b: Buffer) => tlv(0x04, b);
const bitString = (b: Buffer, unused = 0) => tlv(0x03, Buffer.concat([Buffer.from([unused]), b]));
const boolean = (v: boolean) => tlv(0x01, Buffer.from([v ? 0xff : 0]));
const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, 'utf8'));
const explicit = (n: number, inner: Buffer) => tlv(0xa0 | n, inner);

function integer(b: Buffer): Buffer {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0 && b[i + 1] < 0x80) i++;
  const v = b.subarray(i);
  return tlv(0x02, v[0] >= 0x80 ? Buffer.concat([Buffer.from([0]), v]) : v);
}

function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const out = [40 * arcs[0] + arcs[1]];
  for (const arc of arcs.slice(2)) {
    const chunk = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14); // YYYYMMDDHHMMSS
  return d.getUTCFullYear() < 2050
    ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`))
    : tlv(0x18, Buffer.from(`${iso}Z`));
}

function encodeName(cn: string, orgs: string[]): Buffer {
  const rdn = (type: string, value: string) => set(seq(oid(type), utf8(value)));
  return seq(...orgs.map((o) => rdn(OID.organization, o)), rdn(OID.commonName, cn));
}

function extension(id: string, value: Buffer, critical = false): Buffer {
  return seq(oid(id), ...(critical ? [boolean(true)] : []), octetString(value));
}

const KEY_USAGE_BITS = { digitalSignature: 0, keyEncipherment: 2, keyCertSign: 5, cRLSign: 6 };
function keyUsage(usages: (keyof typeof KEY_USAGE_BITS)[]): Buffer {
  let bits = 0;
  for (const u of usages) bits |= 0x80 >> KEY_USAGE_BITS[u];
  let unused = 0;
  while (((bits >> unused) & 1) === 0) unused++;
  return bitString(Buffer.from([bits]), unused);
}

function generalName(host: string): Buffer {
  const family = isIP(host);
  if (family === 4) return tlv(0x87, Buffer.from(host.split('.').map(Number)));
  if (family === 6) return tlv(0x87, ipv6Bytes(host));
  return tlv(0x82, Buffer.from(host, 'ascii'));
}

function ipv6Bytes(ip: string): Buffer {
  const [head, tail = ''] = ip.split('::');
  const parts = (s: string) => (s ? s.split(':') : []);
  const h = parts(head);
  const t = parts(tail);
  const groups = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => {
    out.writeUInt16BE(Number.parseInt(g, 16), i * 2);
  });
  return out;
}

function keyIdentifier(publicKey: KeyObject): Buffer {
  // RFC 5280 method 1: SHA-1 of the subjectPublicKey BIT STRING contents (for EC, the point).
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const point = spki.subarray(spki.length - 65); // uncompressed P-256 point: 0x04 || X || Y
  return createHash('sha1').update(point).digest();
}

/** Extracts the DER subject Name of a certificate (to use as issuer of certificates it signs). */
function subjectName(der: Buffer): Buffer {
  const tbs = children(der)[0];
  return children(tbs)[5]; // version, serial, signature, issuer, validity, subject, ...
}

/** The child elements of a constructed DER element. */
function children(el: Buffer): Buffer[] {
  const header = (buf: Buffer, i: number) => {
    let len = buf[i + 1];
    let hdr = 2;
    if (len & 0x80) {
      const n = len & 0x7f;
      len = 0;
      for (let k = 0; k < n; k++) len = len * 256 + buf[i + 2 + k];
      hdr += n;
    }
    return { hdr, len };
  };
  const outer = header(el, 0);
  const content = el.subarray(outer.hdr, outer.hdr + outer.len);
  const out: Buffer[] = [];
  for (let i = 0; i < content.length; ) {
    const { hdr, len } = header(content, i);
    out.push(content.subarray(i, i + hdr + len));
    i += hdr + len;
  }
  return out;
}

function buildCertificate(p: {
  issuer: Buffer;
  subject: Buffer;
  publicKey: KeyObject;
  signingKey: KeyObject;
  validDays: number;
  extensions: Buffer[];
}): Buffer {
  const serial = randomBytes(16);
  serial[0] = (serial[0] & 0x7f) | 0x40; // positive, minimal encoding
  const now = Date.now();
  const algorithm = seq(oid(OID.ecdsaWithSHA256));
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))), // v3
    integer(serial),
    algorithm,
    p.issuer,
    seq(time(new Date(now - 3600_000)), time(new Date(now + p.validDays * 86400_000))),
    p.subject,
    p.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, seq(...p.extensions)),
  );
  const signature = sign('sha256', tbs, p.signingKey); // DER ECDSA-Sig-Value
  return seq(tbs, algorithm, bitString(signature));
}
