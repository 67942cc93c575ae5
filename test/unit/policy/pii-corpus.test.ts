// PII shapes beyond the first wave, each found whole in a sentence, and look-alikes left alone:
// international and national phone numbers, SSN variants, e-mail local parts with apostrophes and
// other scripts, IDN domains, webhook URLs, connection strings and more key shapes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { piiFinder } from '../../../sidecar/guards/pii.ts';
import { PII_TYPES } from '../../../sidecar/snapshot/schema.ts';
import { PII_NEGATIVES, PII_POSITIVES } from './pii-corpus.ts';

const find = piiFinder(PII_TYPES);

describe('PII corpus: found whole', () => {
  for (const [kind, value] of PII_POSITIVES)
    it(`${kind}: ${value}`, () => {
      const text = `Reach me at ${value} please.`;
      const spans = find(text);
      const hit = spans.find((s) => s.kind === kind);
      assert.ok(hit, `no ${kind} in ${JSON.stringify(text)}: ${JSON.stringify(spans)}`);
      assert.equal(text.slice(hit.start, hit.end), value);
    });

  it('ssn: nine bare digits after a label, the digits only', () => {
    const text = 'My SSN is 123456789.';
    const hit = find(text).find((s) => s.kind === 'ssn');
    assert.equal(hit && text.slice(hit.start, hit.end), '123456789');
  });

  it('secret: a connection string with a password (the whole URL), and a quoted labelled password', () => {
    const text =
      'DATABASE_URL=postgres://app:s3cr3t-Pa55@db.internal:5432/app and password: "hunter two!" (or "redis://:n0tS0s3cret@cache:6379/0").';
    const got = find(text)
      .filter((s) => s.kind === 'secret')
      .map((s) => text.slice(s.start, s.end));
    assert.deepEqual(got, [
      'postgres://app:s3cr3t-Pa55@db.internal:5432/app',
      'hunter two!',
      'redis://:n0tS0s3cret@cache:6379/0',
    ]);
  });
});

describe('PII: general rules beside the blind waves', () => {
  const secrets = (text: string) =>
    find(text)
      .filter((s) => s.kind === 'secret')
      .map((s) => text.slice(s.start, s.end));

  it('secret: a credential after an Authorization scheme other than Basic and Bearer', () => {
    assert.deepEqual(secrets('Authorization: Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b'), [
      '9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b',
    ]);
    assert.deepEqual(secrets('Authorization: SSWS 00QCjAl4MlV-WPXM0u9Vf4nHZBvKSRFhLqgkMjSk0Q'), [
      '00QCjAl4MlV-WPXM0u9Vf4nHZBvKSRFhLqgkMjSk0Q',
    ]);
    assert.deepEqual(secrets('Authorization: Token YOUR_API_TOKEN_HERE'), []);
  });

  it('secret: a value named by the attribute before it, and a label glued to its prefix', () => {
    assert.deepEqual(secrets('<input type="password" name="password" value="Tr0ub4dor&3">'), ['Tr0ub4dor&3']);
    assert.deepEqual(secrets('<add key="CacheRegion" value="eu-west-1-primary">'), []);
    assert.deepEqual(secrets('PGPASSWORD=Xq7!mZ2pL9 psql -h db'), ['Xq7!mZ2pL9']);
  });

  it('secret: vendor prefixes with a generated body, not a placeholder', () => {
    assert.deepEqual(secrets('key dckr_pat_2b3e36beeb386dfdaacb9b46004ccb7c'), [
      'dckr_pat_2b3e36beeb386dfdaacb9b46004ccb7c',
    ]);
    assert.deepEqual(secrets('GROQ_KEY gsk_your_groq_api_key_goes_here'), []);
  });
});

describe("PII: the seventh wave's classes, on values of their own", () => {
  const of = (kind: string, text: string) =>
    find(text)
      .filter((s) => s.kind === kind)
      .map((s) => text.slice(s.start, s.end));

  it("phone: Australia's 1300 / 1800 numbers, a tel: URI's ;ext=", () => {
    assert.deepEqual(of('phone', 'Call 1800 123 456 (free).'), ['1800 123 456']);
    assert.deepEqual(of('phone', 'tel:+44-20-7946-0958;ext=7'), ['+44-20-7946-0958;ext=7']);
  });

  it('email: "@" encoded in a URL or spelled (at), a bounce address with "+" and "="', () => {
    assert.deepEqual(of('email', 'GET /track?to=ana.silva%40correio.pt&x=1'), ['ana.silva%40correio.pt']);
    assert.deepEqual(of('email', 'Mail: kontakt[at]firma-meier[dot]de'), ['kontakt[at]firma-meier[dot]de']);
    assert.deepEqual(of('email', 'Return-Path: <list-bounces+ana=correio.pt@lists.ngo.org>'), [
      'list-bounces+ana=correio.pt@lists.ngo.org',
    ]);
    // A key=value line keeps its key visible; "(at)" and "%40" not after a word are no address.
    assert.deepEqual(of('email', 'user=ana@correio.pt'), ['ana@correio.pt']);
    assert.deepEqual(find('Meet (at) the lobby.com entrance; css %40media.io'), []);
  });

  it('ip-address: an IPv6 network is not an address, an interface address with its prefix is', () => {
    assert.deepEqual(find('route 2001:db8:abcd::/48 via eth0'), []);
    assert.deepEqual(of('ip-address', 'inet6 2a02:8108:1140:2c4::1f/64'), ['2a02:8108:1140:2c4::1f']);
  });

  it("secret: a password in a URL's query (the whole URL), a connection string with a password (the whole string)", () => {
    assert.deepEqual(of('secret', 'url: jdbc:postgresql://db:5432/app?user=app&password=Zx9!pQ2w'), [
      'jdbc:postgresql://db:5432/app?user=app&password=Zx9!pQ2w',
    ]);
    assert.deepEqual(
      of('secret', 'Server=db;Database=app;User Id=sa;Password=Zx9pQ2wL4;TrustServerCertificate=True'),
      ['Server=db;Database=app;User Id=sa;Password=Zx9pQ2wL4;TrustServerCertificate=True'],
    );
    const sb =
      'Endpoint=sb://ns1.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=q8FJ3kd9s0LmZx1Vb7Rt2Yh5Wc4Pn6Ea0Gu8Io3Kj1M=';
    assert.deepEqual(of('secret', `conn ${sb}`), [sb]);
  });

  it('secret: full-width colons, label suffixes, auth, markup elements, CLI flags', () => {
    assert.deepEqual(of('secret', '密碼：Abc12345!'), ['Abc12345!']);
    assert.deepEqual(of('secret', 'PASSWORD_PROD=Tr0ub4dor&3'), ['Tr0ub4dor&3']);
    assert.deepEqual(of('secret', 'API_TOKEN_V2=9f8e7d6c5b4a39281706f5e4'), ['9f8e7d6c5b4a39281706f5e4']);
    assert.deepEqual(of('secret', '"auth": "dXNlcjpwYXNzd29yZDEyMw=="'), ['dXNlcjpwYXNzd29yZDEyMw==']);
    assert.deepEqual(of('secret', '<dbPassword>Kx7-plum-Tree</dbPassword>'), ['Kx7-plum-Tree']);
    assert.deepEqual(of('secret', '<apiKey>a8F3kd92LmQx7Vb1</apiKey>'), ['a8F3kd92LmQx7Vb1']);
    assert.deepEqual(of('secret', 'mysqldump -h db -u root -pS3cure!x shop > dump.sql'), ['S3cure!x']);
    assert.deepEqual(of('secret', 'vercel deploy --token Qm7xT2kLp9Rw4Zs8'), ['Qm7xT2kLp9Rw4Zs8']);
    for (const text of [
      'mysql -u root -p shop',
      'llm --max-tokens 4096 --token-file .token',
      '<password></password> and <password>********</password>',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a placeholder in config text, as data
      'SECRET_KEY_BASE=${SECRET_KEY_BASE}',
      'PASSWORD_RESET_TIMEOUT=3600',
      '"auth": "oauth2", "author": "Jane2 Doe"',
    ])
      assert.deepEqual(of('secret', text), [], text);
  });

  it('secret: Terraform Cloud tokens, Google Chat, Zapier and IFTTT webhooks', () => {
    const tf = 'Aq3xLm9Tz2Wk8R.atlasv1.Hk2mP9qL4xZ7vB1nC8dF3gJ6kM0pR5sT9uW2yA4cE7hK1mN3qS6vX8zB0dG5jL';
    assert.deepEqual(of('secret', `token = "${tf}"`), [tf]);
    for (const url of [
      'https://chat.googleapis.com/v1/spaces/AAAAx1y2z3/messages?key=AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI&token=Xy9zAb3cDe5fGh7iJk9lMn1oPq3rSt5uVw7xYz9aB1c%3D',
      'https://hooks.zapier.com/hooks/catch/1234567/abcd9x/',
      'https://maker.ifttt.com/trigger/door_open/with/key/dQw4w9WgXcQ-abcdefgh12',
    ])
      assert.deepEqual(of('secret', `post to ${url} now`), [url]);
  });
});

describe("PII: the eighth wave's classes, on values of their own", () => {
  const of = (kind: string, text: string) =>
    find(text)
      .filter((s) => s.kind === kind)
      .map((s) => text.slice(s.start, s.end));

  it('ssn: national ids after their label, kept only when their check holds', () => {
    for (const [text, value] of [
      ['PESEL: 79011831606', '79011831606'],
      ['DNI nº 52811163-N', '52811163-N'],
      ['NIE: Y9669484E', 'Y9669484E'],
      ['CPF 086.179.375-72', '086.179.375-72'],
      ['身份证号码：11010519920805335X', '11010519920805335X'],
      ['Aadhaar No. 6696 2420 7053', '6696 2420 7053'],
      ['T.C. Kimlik No: 81483344072', '81483344072'],
      ['henkilötunnus: 200180-997H', '200180-997H'],
      ['SIN 762-096-659', '762-096-659'],
      ['n° de sécurité sociale : 1 94 10 86 370 450 62', '1 94 10 86 370 450 62'],
      ['주민등록번호 891001-2435122', '891001-2435122'],
      ['BSN 863353861', '863353861'],
    ])
      assert.deepEqual(of('ssn', text!), [value], text);
    // One digit changed: the check fails; a label's word inside another word is no label.
    for (const text of [
      'PESEL: 79011831607',
      'DNI 52811163-M',
      'CPF 086.179.375-73',
      'Aadhaar No. 6696 2420 7054',
      'using 762-096-659 as the seed',
      'nie 52811163 razy',
    ])
      assert.deepEqual(of('ssn', text), [], text);
  });

  it('phone: a spaced slash after the area code, Lisbon 2-3-4', () => {
    assert.deepEqual(of('phone', 'Tel. 0621 / 43 28 17'), ['0621 / 43 28 17']);
    assert.deepEqual(of('phone', 'ligue 22 608 4417'), ['22 608 4417']);
  });

  it('secret: session cookies, .netrc, Terraform defaults, SetEnv / ENV, base64: keys, license keys, more languages', () => {
    assert.deepEqual(of('secret', 'Cookie: PHPSESSID=k2v9q8m1n4b7x3c6z5a0s8d1f2; theme=dark'), [
      'k2v9q8m1n4b7x3c6z5a0s8d1f2',
    ]);
    assert.deepEqual(of('secret', 'machine example.org login bot password Zq8-Lm4-Xx2'), ['Zq8-Lm4-Xx2']);
    assert.deepEqual(
      of('secret', 'variable "api_token" {\n  type    = string\n  default = "tk-Lm4Zq8Xx2Pw9"\n}'),
      ['tk-Lm4Zq8Xx2Pw9'],
    );
    assert.deepEqual(of('secret', 'ENV SMTP_PASSWORD Qx7pL2mZ9'), ['Qx7pL2mZ9']);
    assert.deepEqual(of('secret', 'APP_KEY=base64:Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA=='), [
      'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==',
    ]);
    assert.deepEqual(of('secret', 'license_key: 4f9a2c7e1b8d3f6a0c5e9b2d7f1a4c8e6b3d0f9a'), [
      '4f9a2c7e1b8d3f6a0c5e9b2d7f1a4c8e6b3d0f9a',
    ]);
    assert.deepEqual(of('secret', 'Lösenord: Sommar2024x'), ['Sommar2024x']);
    for (const text of [
      'session=dark-mode-enabled-for-all',
      'variable "db_password" {\n  description = "set it in the vault"\n}',
      'ENV SMTP_PASSWORD ""',
      'password="$(pass show db/prod)"',
      'netmask 255.255.255.0 broadcast 10.1.255.255',
    ])
      assert.deepEqual(find(text), [], text);
  });
});

describe("PII: the ninth wave's classes, on values of their own", () => {
  const of = (kind: string, text: string) =>
    find(text)
      .filter((s) => s.kind === kind)
      .map((s) => text.slice(s.start, s.end));

  it('phone: a slash after a North-American area code, %2B in a query, WhatsApp links; +1 takes ten digits', () => {
    assert.deepEqual(of('phone', 'my cell is 720/318-4467.'), ['720/318-4467']);
    assert.deepEqual(of('phone', '/sms?to=%2B447911123456&body=hi'), ['%2B447911123456']);
    assert.deepEqual(of('phone', 'https://wa.me/5511974823316'), ['5511974823316']);
    assert.deepEqual(find('https://wa.me/5511974823316').length, 1);
    assert.deepEqual(of('phone', 'wpp 21987654321'), ['21987654321']);
    for (const text of ['ledger 0019 8877 66', 'draw: 06 11 25 32 40 49', '3/4 of 100/200-3000'])
      assert.deepEqual(of('phone', text), [], text);
  });

  it('email: a quoted local part (no space), not a shell variable', () => {
    assert.deepEqual(of('email', 'to: "ana.silva"@correio.pt'), ['"ana.silva"@correio.pt']);
    assert.deepEqual(of('email', 'echo "$USER"@host.org'), []);
  });

  it('ip-address: an IPv6 zone id goes with its address', () => {
    assert.deepEqual(of('ip-address', 'ping6 fe80::a00:27ff:fe4e:66a1%en0 -c 3'), [
      'fe80::a00:27ff:fe4e:66a1%en0',
    ]);
  });

  it('secret: a password URL of any scheme (a driver after "+"), template values left alone', () => {
    assert.deepEqual(of('secret', 'url = "postgresql+asyncpg://svc:Qm7vX2pL9z@db:5432/app"'), [
      'postgresql+asyncpg://svc:Qm7vX2pL9z@db:5432/app',
    ]);
    assert.deepEqual(of('secret', 'cockroachdb://root:Tn4kW8qZ1x@crdb:26257/bank'), [
      'cockroachdb://root:Tn4kW8qZ1x@crdb:26257/bank',
    ]);
    assert.deepEqual(find('db_password: "{{ vault_db_password }}"'), []);
  });

  it("secret: a markdown table's cell after a secret's name, not a count or a name", () => {
    assert.deepEqual(of('secret', '| staging | smtp_password | Lk9$wq2Rzt |'), ['Lk9$wq2Rzt']);
    for (const text of [
      '| max_tokens | 4096 |',
      '| tokenizer | cl100k_base |',
      '| password | required |',
      '| token | ******** |',
    ])
      assert.deepEqual(find(text), [], text);
  });
});

describe('PII corpus: look-alikes left alone', () => {
  for (const text of PII_NEGATIVES)
    it(text, () => {
      assert.deepEqual(find(text), []);
    });
});

describe("PII: the tenth wave's classes, on values of their own", () => {
  const of = (kind: string, text: string) =>
    find(text)
      .filter((s) => s.kind === kind)
      .map((s) => text.slice(s.start, s.end));

  it('phone: full-width digits as ASCII ones, the spans on the text as given', () => {
    assert.deepEqual(of('phone', 'お電話は０３－５５６７－１２３４まで'), ['０３－５５６７－１２３４']);
    assert.deepEqual(of('phone', '手机：＋８６ １３９ １０９９ ８８４１'), [
      '＋８６ １３９ １０９９ ８８４１',
    ]);
    for (const text of ['価格：１２，８００円', '２０２６年１２月７日', 'バージョン１．２．３．４'])
      assert.deepEqual(find(text), [], text);
  });

  it('phone: ten bare digits after "my number is", not after another number\'s name', () => {
    assert.deepEqual(of('phone', 'ok, my number is 3125550178'), ['3125550178']);
    assert.deepEqual(of('phone', 'Our new number: 0412345678'), ['0412345678']);
    for (const text of ['my order number is 3125550178', 'your ticket number is 2125550143'])
      assert.deepEqual(find(text), [], text);
  });

  it('email: a quoted local part of two words; three words or a shell variable are not one', () => {
    assert.deepEqual(of('email', 'reply to "mary ann"@mail.example.org'), ['"mary ann"@mail.example.org']);
    assert.deepEqual(of('email', 'echo "$HOME dir"@host.org'), []);
  });

  it("ssn: a SIN after its label, a fictitious 0 lead included (Canada's own examples use one)", () => {
    assert.deepEqual(of('ssn', 'SIN 046-454-286'), ['046-454-286']);
    assert.deepEqual(of('ssn', 'SIN 046-454-287'), []);
  });

  it('iban: groups apart by dashes, one separator throughout', () => {
    assert.deepEqual(of('iban', 'IBAN: DE89-3704-0044-0532-0130-00.'), ['DE89-3704-0044-0532-0130-00']);
    assert.deepEqual(of('iban', 'IBAN DE89 3704-0044 0532 0130 00'), []);
  });

  it('secret: a password said in a sentence in quotes ("is \'x\'", „x“), not a word like "required"', () => {
    assert.deepEqual(of('secret', 'The wifi password is "GreenTea2024"'), ['GreenTea2024']);
    assert.deepEqual(of('secret', 'Das Passwort ist „Sommer2025!“'), ['Sommer2025!']);
    for (const text of ['password is "required"', "the password is 'optional'"])
      assert.deepEqual(find(text), [], text);
  });

  it('ip-address: a four-part version after "version" in other languages is not an address', () => {
    for (const text of ['バージョン１．２．３．４', '版本：2.1.0.7', 'versión 10.0.3.17', 'Версия 4.2.0.1'])
      assert.deepEqual(find(text), [], text);
    assert.deepEqual(of('ip-address', 'servidor 10.0.3.17'), ['10.0.3.17']);
  });
});
