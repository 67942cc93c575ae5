// PII values from an outside generator (@faker-js/faker, fixed seed): per locale and type, values
// nobody here wrote down, each placed in several sentence shapes, and look-alikes (versions, dates,
// order ids, hashes, prices, ISBNs, coordinates ...) placed the same way. Measured by
// bench/pii-faker.ts and held by pii-faker.test.ts.
import { allFakers, type Faker } from '@faker-js/faker';
import type { Span } from '../../../sidecar/guards/guard.ts';
import type { PiiType } from '../../../sidecar/snapshot/schema.ts';

/** The locales measured (faker's names) and the IBAN country of each, when it has one. */
export const FAKER_LOCALES: Record<string, string | undefined> = {
  en_US: undefined,
  en_CA: undefined,
  en_GB: 'GB',
  de: 'DE',
  fr: 'FR',
  es: 'ES',
  it: 'IT',
  nl: 'NL',
  en_IN: undefined,
  pt_BR: 'BR',
  ja: undefined,
  en_AU: undefined,
  de_AT: 'AT',
  de_CH: 'CH',
  fr_BE: 'BE',
  pl: 'PL',
  pt_PT: 'PT',
  sv: 'SE',
  da: 'DK',
  nb_NO: 'NO',
  fi: 'FI',
  en_IE: 'IE',
  es_MX: undefined,
  ko: undefined,
  zh_CN: undefined,
  ru: undefined,
  tr: 'TR',
  cs_CZ: 'CZ',
  fr_CA: undefined,
  fr_CH: 'CH',
  en_ZA: undefined,
  en_NG: undefined,
  en_HK: undefined,
  he: 'IL',
  ar: 'SA',
  fa: 'IR',
  hu: 'HU',
  ro: 'RO',
  sk: 'SK',
  hr: 'HR',
  lv: 'LV',
  el: 'GR',
  uk: 'UA',
  vi: undefined,
  th: undefined,
  id_ID: undefined,
};

export interface FakerValue {
  locale: string;
  /** What it is (phone-national, email-unicode, card-amex ...): the row of the report. */
  type: string;
  kind: PiiType;
  value: string;
}

/** A generator that may not exist for a locale (faker throws): then there is no value. */
const attempt = (f: () => string): string | undefined => {
  try {
    return f();
  } catch {
    return undefined;
  }
};

/** A name as written in its script, lower case, without spaces or apostrophes (jürgen, 太郎). */
const bare = (s: string) => s.toLowerCase().replace(/[\s'’.]/g, '');

/** An IDN label from the locale's words (straße, 東京), else a plain one. */
const host = (f: Faker) => {
  const label = bare(f.location.city())
    .replace(/[^\p{L}\p{M}\p{N}-]/gu, '')
    .slice(0, 20)
    .replace(/^-+|-+$/g, '');
  return `${label || 'mail'}.${f.internet.domainSuffix()}`;
};

const alnum = (f: Faker, n: number) => f.string.alphanumeric({ length: n, casing: 'mixed' });
const hex = (f: Faker, n: number) => f.string.hexadecimal({ length: n, casing: 'lower', prefix: '' });

/** A valid US SSN's parts: area 001-899 but 666, group 01-99, serial 0001-9999. */
function ssnParts(f: Faker): [string, string, string] {
  let area = f.number.int({ min: 1, max: 899 });
  if (area === 666) area = 665;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return [
    pad(area, 3),
    pad(f.number.int({ min: 1, max: 99 }), 2),
    pad(f.number.int({ min: 1, max: 9999 }), 4),
  ];
}

/**
 * IPv4 addresses the guard leaves alone on purpose: loopback (127.x), 0.x and netmask-shaped
 * settings (255.x); faker's ipv4 draws from the whole space.
 */
const maskedIpv4 = (ip: string) => !/^(?:127|0|255)\./.test(ip);

/** An IPv6 address in its compressed form (2001:db8::1), as people write it. */
const compressed = (ip: string) => new URL(`http://[${ip}]/`).hostname.slice(1, -1);

const CARD_ISSUERS = ['visa', 'mastercard', 'amex', 'discover', 'jcb', 'diners_club', 'unionpay', 'maestro'];

/** One locale's values of every type, `n` each (a type a locale lacks is left out). */
export function localeValues(locale: string, n: number, seed = 17): FakerValue[] {
  const f = allFakers[locale as keyof typeof allFakers] as Faker;
  f.seed(seed);
  const out: FakerValue[] = [];
  const add = (type: string, kind: PiiType, make: () => string | undefined) => {
    for (let i = 0; i < n; i++) {
      const value = attempt(() => make() ?? '');
      if (value) out.push({ locale, type, kind, value });
    }
  };
  add('phone-human', 'phone', () => f.phone.number({ style: 'human' }));
  add('phone-national', 'phone', () => f.phone.number({ style: 'national' }));
  add('phone-intl', 'phone', () => f.phone.number({ style: 'international' }));
  add('email', 'email', () => f.internet.email());
  add('email-special', 'email', () => f.internet.email({ allowSpecialCharacters: true }));
  // Names in their own script (RFC 6531 local parts) at a host named in it (IDN).
  add(
    'email-unicode',
    'email',
    () => `${bare(f.person.firstName())}.${bare(f.person.lastName())}@${host(f)}`,
  );
  const country = FAKER_LOCALES[locale];
  if (country) {
    add('iban', 'iban', () => f.finance.iban({ formatted: false, countryCode: country }));
    add('iban-grouped', 'iban', () => f.finance.iban({ formatted: true, countryCode: country }));
  }
  return out;
}

/** Values that are not per locale: cards per network, addresses, SSNs, secrets. */
export function globalValues(n: number, seed = 17): FakerValue[] {
  const f = allFakers.en_US;
  f.seed(seed);
  const out: FakerValue[] = [];
  const add = (type: string, kind: PiiType, make: () => string) => {
    for (let i = 0; i < n; i++) out.push({ locale: 'any', type, kind, value: make() });
  };
  for (const issuer of CARD_ISSUERS)
    add(`card-${issuer}`, 'credit-card', () => f.finance.creditCardNumber(issuer));
  add('ipv4', 'ip-address', () => {
    let ip = f.internet.ipv4();
    while (!maskedIpv4(ip)) ip = f.internet.ipv4();
    return ip;
  });
  add('ipv6', 'ip-address', () => f.internet.ipv6());
  add('ipv6-compressed', 'ip-address', () =>
    compressed(f.internet.ipv6().replace(/^(\w+:\w+):\w+:\w+:\w+/, '$1:0:0:0')),
  );
  add('ssn', 'ssn', () => ssnParts(f).join('-'));
  add('ssn-spaced', 'ssn', () => ssnParts(f).join(' '));
  add('iban-any', 'iban', () => f.finance.iban({ formatted: f.datatype.boolean() }));
  add('secret-jwt', 'secret', () => f.internet.jwt());
  add('secret-openai', 'secret', () => `sk-proj-${alnum(f, 48)}`);
  add('secret-anthropic', 'secret', () => `sk-ant-api03-${alnum(f, 93)}AA`);
  add('secret-aws', 'secret', () => `AKIA${f.string.alphanumeric({ length: 16, casing: 'upper' })}`);
  add('secret-github', 'secret', () => `ghp_${alnum(f, 36)}`);
  add('secret-slack', 'secret', () => `xoxb-${f.string.numeric(12)}-${f.string.numeric(13)}-${alnum(f, 24)}`);
  add('secret-google', 'secret', () => `AIza${alnum(f, 35)}`);
  add('secret-stripe', 'secret', () => `sk_live_${alnum(f, 24)}`);
  add('secret-gitlab', 'secret', () => `glpat-${alnum(f, 20)}`);
  add('secret-hf', 'secret', () => `hf_${alnum(f, 34)}`);
  add('secret-sendgrid', 'secret', () => `SG.${alnum(f, 22)}.${alnum(f, 43)}`);
  add('secret-mailchimp', 'secret', () => `${hex(f, 32)}-us${f.number.int({ min: 1, max: 21 })}`);
  add(
    'webhook-slack',
    'secret',
    () =>
      `https://hooks.slack.com/services/T${f.string.alphanumeric({ length: 8, casing: 'upper' })}/B${f.string.alphanumeric({ length: 10, casing: 'upper' })}/${alnum(f, 24)}`,
  );
  add(
    'webhook-discord',
    'secret',
    () => `https://discord.com/api/webhooks/${f.string.numeric(18)}/${alnum(f, 68)}`,
  );
  add('connection-string', 'secret', () => {
    const scheme = f.helpers.arrayElement([
      'postgres',
      'postgresql',
      'mysql',
      'mongodb+srv',
      'redis',
      'amqp',
    ]);
    const user = f.internet.username().replace(/[^\w.-]/g, '');
    const password = f.internet.password({ length: 16 });
    return `${scheme}://${user}:${encodeURIComponent(password)}@${f.internet.domainName()}:${f.internet.port()}/${f.lorem.word()}`;
  });
  add('private-key', 'secret', () => {
    const kind = f.helpers.arrayElement(['RSA ', 'EC ', 'OPENSSH ', '']);
    const body = Array.from({ length: 4 }, () => f.string.alphanumeric(64)).join('\n');
    return `-----BEGIN ${kind}PRIVATE KEY-----\n${body}\n-----END ${kind}PRIVATE KEY-----`;
  });
  // Secrets known only by their label (placed in LABELLED_SECRET contexts).
  // faker's default password (15 characters); a key, secret or token label takes 12 or more.
  add('labelled-password', 'secret', () => f.internet.password());
  add(
    'labelled-password-memorable',
    'secret',
    () => `${f.internet.password({ length: 12, memorable: true })}${f.string.numeric(2)}`,
  );
  add('labelled-password-symbols', 'secret', () =>
    f.internet.password({ length: 14, pattern: /[A-Za-z0-9!#%&*+?@^~_-]/ }),
  );
  add('labelled-key-hex', 'secret', () => hex(f, 40));
  add('labelled-key-base64', 'secret', () => Buffer.from(f.string.alphanumeric(30)).toString('base64'));
  return out;
}

/** Where a secret known only by its label stands: after one of these. */
export const LABELLED_SECRET: readonly ((v: string) => string)[] = [
  (v) => `password: ${v}`,
  (v) => `{"password": ${JSON.stringify(v)}}`,
  (v) => `DB_PASSWORD=${v}`,
  (v) => `my password is ${v} so log in`,
  (v) => `api_key = "${v}"`,
  (v) => `CLIENT_SECRET=${v}`,
  (v) => `  access_token: ${v}`,
];

/** The contexts a value is measured in: secrets known by their label after one, the rest anywhere. */
export const contextsFor = (v: FakerValue) => (v.type.startsWith('labelled-') ? LABELLED_SECRET : CONTEXTS);

/** Look-alikes: what a prompt holds beside PII that is none (faker's own generators), by type. */
export function negatives(n: number, seed = 17): { type: string; value: string }[] {
  const f = allFakers.en_US;
  f.seed(seed);
  const pad = (x: number) => String(x).padStart(2, '0');
  const makers: Record<string, () => string> = {
    semver: () => f.system.semver(),
    'version-4': () =>
      `${f.number.int({ min: 1, max: 20 })}.${f.number.int(9)}.${f.number.int({ min: 1000, max: 30000 })}.${f.number.int(999)}`,
    'iso-timestamp': () => f.date.anytime().toISOString(),
    'iso-date': () => f.date.anytime().toISOString().slice(0, 10),
    'de-date': () => f.date.anytime().toLocaleDateString('de-DE'),
    'us-datetime': () => f.date.anytime().toLocaleString('en-US'),
    'unix-seconds': () => String(Math.floor(f.date.anytime().getTime() / 1000)),
    'unix-millis': () => String(f.date.anytime().getTime()),
    'order-hash': () => `#${f.string.numeric(8)}`,
    'order-prefixed': () => `ORD-${f.string.numeric(10)}`,
    'order-10': () => f.string.numeric(10),
    sha: () => f.git.commitSha(),
    'short-sha': () => f.git.commitSha({ length: 7 }),
    uuid: () => f.string.uuid(),
    price: () => `$${f.commerce.price({ min: 1000, max: 999999 })}`,
    amount: () =>
      `${f.number.int({ min: 1000, max: 9999999 }).toLocaleString('en-US')}.${f.string.numeric(2)} EUR`,
    isbn13: () => f.commerce.isbn(13),
    isbn10: () => f.commerce.isbn(10),
    coordinates: () => `${f.location.latitude()}, ${f.location.longitude()}`,
    'zip-code': () => f.location.zipCode(),
    'account-number': () => f.finance.accountNumber(),
    'routing-number': () => f.finance.routingNumber(),
    imei: () => f.phone.imei(),
    vin: () => f.vehicle.vin(),
    flight: () => f.airline.flightNumber({ addLeadingZeros: true }),
    time: () => `${f.number.int(23)}:${pad(f.number.int(59))}:${pad(f.number.int(59))}`,
    'long-number': () => f.string.numeric({ length: { min: 12, max: 19 }, allowLeadingZeros: false }),
  };
  const out: { type: string; value: string }[] = [];
  for (const [type, make] of Object.entries(makers))
    for (let i = 0; i < n; i++) out.push({ type, value: make() });
  return out;
}

/**
 * Where a value stands in a text: prose, JSON, CSV, after a label, in a list, in punctuation, a
 * Markdown table, HTML, a key=value log line, quotes, angle brackets, before a colon, after a
 * full-width colon.
 */
export const CONTEXTS: readonly ((v: string) => string)[] = [
  (v) => `Please get back to me at ${v} when you can.`,
  (v) => `{"name": "Jane Doe", "value": ${JSON.stringify(v)}, "ok": true}`,
  (v) => `id,name,value\n17,Jane Doe,${v}\n18,John Roe,n/a`,
  (v) => `Contact: ${v}`,
  (v) => `Details:\n- ${v}\n- see above`,
  (v) => `Is this right (${v})? I think so.`,
  (v) => `The one we have on file is ${v}.`,
  (v) => `| Jane Doe | ${v} | active |`,
  (v) => `<td>${v}</td>`,
  (v) => `level=info user=42 value=${v} status=ok`,
  (v) => `She wrote '${v}', not the old one`,
  (v) => `From: Jane Doe <${v}>`,
  (v) => `${v}: that is the one`,
  (v) => `联系方式：${v}`,
];

/** After a phone label: where a bare run of digits is one (needsLabel). */
export const LABELLED = (v: string) => `Phone: ${v}`;

/** A value in a context: the text and where the value is in it. */
export function place(
  value: string,
  context: (v: string) => string,
): { text: string; start: number; end: number } {
  const marker = '\u0000';
  const shaped = context(marker);
  const at = shaped.indexOf(marker);
  // JSON.stringify escapes the marker: the value goes where the escaped form was.
  const raw = at >= 0 ? marker : '"\\u0000"';
  const i = at >= 0 ? at : shaped.indexOf(raw);
  const inner = at >= 0 ? value : JSON.stringify(value);
  const text = shaped.slice(0, i) + inner + shaped.slice(i + raw.length);
  const start = at >= 0 ? i : i + 1;
  const end = at >= 0 ? i + value.length : i + inner.length - 1;
  return { text, start, end };
}

export type Outcome = 'whole' | 'partial' | 'missed' | 'other';

/**
 * How the spans treat a value at [start, end): found whole (a span of its kind exactly over it; a
 * secret's span may take more of its line), missed (none of it masked), partial (part of it left
 * visible: a leak), other (all masked, but not as one value of its kind).
 */
export function outcome(
  text: string,
  spans: readonly Span[],
  kind: PiiType,
  start: number,
  end: number,
): Outcome {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const lineEnd = nl < 0 ? text.length : nl;
  const whole = spans.some(
    (s) =>
      s.kind === kind &&
      (kind === 'secret'
        ? s.start <= start && s.end >= end && (s.start >= lineStart || s.end <= lineEnd)
        : s.start === start && s.end === end),
  );
  if (whole) return 'whole';
  let covered = 0;
  let visible = 0;
  for (let i = start; i < end; i++) {
    if (!/[\p{L}\p{N}]/u.test(text[i]!)) continue;
    if (spans.some((s) => s.start <= i && i < s.end)) covered++;
    else visible++;
  }
  if (covered === 0) return 'missed';
  return visible > 0 ? 'partial' : 'other';
}

/** Each locale's country calling code. */
const CALLING_CODES: Record<string, string> = {
  en_US: '1',
  en_CA: '1',
  en_GB: '44',
  de: '49',
  fr: '33',
  es: '34',
  it: '39',
  nl: '31',
  en_IN: '91',
  pt_BR: '55',
  ja: '81',
  en_AU: '61',
  de_AT: '43',
  de_CH: '41',
  fr_BE: '32',
  pl: '48',
  pt_PT: '351',
  sv: '46',
  da: '45',
  nb_NO: '47',
  fi: '358',
  en_IE: '353',
  es_MX: '52',
  ko: '82',
  zh_CN: '86',
  ru: '7',
  tr: '90',
  cs_CZ: '420',
  fr_CA: '1',
  fr_CH: '41',
  en_ZA: '27',
  en_NG: '234',
  en_HK: '852',
  he: '972',
  ar: '966',
  fa: '98',
  hu: '36',
  ro: '40',
  sk: '421',
  hr: '385',
  lv: '371',
  el: '30',
  uk: '380',
  vi: '84',
  th: '66',
  id_ID: '62',
};

/**
 * Phone values faker makes that no numbering plan has (its formats fill "#" with any digit): the
 * figures that judge the guard leave them out, and the bench counts them apart. The reason, or
 * undefined for a real shape.
 */
export function unrealPhone(v: FakerValue): string | undefined {
  if (v.kind !== 'phone') return undefined;
  const s = v.value;
  const digits = s.replace(/\D/g, '');
  if (
    /^\(00|^\+0/.test(s) ||
    (s.startsWith('00') && !s.replace(/\D/g, '').startsWith(`00${CALLING_CODES[v.locale]}`))
  )
    return 'starts 00 or +0 (the international prefix) without a country code after it';
  const code = CALLING_CODES[v.locale];
  if (code && code !== '1' && (/^\d+$/.test(s.slice(0, 6)) || s.startsWith(`(${code})`))) {
    const rest = s.replace(/^\(?(\d+)\)?.*$/, '$1');
    if (rest.startsWith(code) && digits.length > 10) return 'a country code without "+" or "00" before it';
    if (s.startsWith(`(${code})`) && code.length === 3) return 'a country code without "+" or "00" before it';
  }
  if (v.locale === 'en_US' || v.locale === 'en_CA' || v.locale === 'fr_CA') {
    const national = s
      .split(/,? ?(?:x|poste)/)[0]!
      .replace(/\D/g, '')
      .replace(/^1(?=\d{10})/, '');
    if (!/^[2-9]\d{2}[2-9]/.test(national)) return 'NANP area and exchange codes start 2-9';
  }
  const first = s[0]!;
  const noTrunk: Record<string, RegExp> = {
    // National numbers written without the trunk 0 the country dials (0500 ..., 047 ..., 04 ...).
    en_GB: /[1-9]/,
    en_IE: /[1-9]/,
    fr_BE: /[1-9]/,
    // Italian numbers start 0 (fixed) or 3 (mobile); Czech, Norwegian 2-9.
    it: /[124-9]/,
    cs_CZ: /[01]/,
    nb_NO: /[01]/,
    hr: /[1-9]/,
    vi: /[1-9]/,
    en_ZA: /[1-9]/,
  };
  if (noTrunk[v.locale]?.test(first)) return 'no such first digit in the national plan';
  if (v.locale === 'it' && (/^\d{2}(?: \d{2}){3}$/.test(s) || /^3\d{10}$/.test(s)))
    return 'Italian numbers are not written in pairs; mobiles have ten digits';
  if (digits.length < 7) return 'too short for a national plan (six digits or fewer)';
  if (v.locale === 'es_MX' && !s.startsWith('+') && (digits.length !== 10 || /^\d{4}-/.test(s)))
    return 'Mexican numbers have ten digits, grouped 2-4-4 or 3-3-4';
  if (v.locale === 'zh_CN' && /^\d{11}$/.test(s) && !/^1[3-9]/.test(s))
    return 'Chinese mobile numbers start 13-19';
  return undefined;
}

/**
 * A bare run of seven to ten digits (or 4+4, 2+3+3, 3-3-3 dotted as Spain writes amounts too, or
 * spaced from 2 or 4 as "299 792 458 m/s" is written): a phone number only where a label says so
 * (an id or an amount as often); the test places it after one.
 */
export const needsLabel = (v: FakerValue) =>
  v.kind === 'phone' &&
  /^(?:\d{7,9}|\d{4} \d{4}|[1-9]\d{9}|\d{3}\.\d{3}\.\d{3}|[24]\d{2} \d{3} \d{3}|\d{2} \d{3} \d{3})$/.test(
    v.value,
  );
