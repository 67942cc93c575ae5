// PII classes a value's writing hides (stop 19): values wrapped over a line break, e-mail
// addresses spelled out with spaces, SSNs after a label that says how they are written, a table's
// secret column named by its header, connection strings of key=value; pairs. Each positive is
// masked at the start, in the middle and at the end of a text, in every role the guard reads and in
// answers whole and streamed (split at every position, and one character at a time), the same;
// the look-alikes next to them stay as they are. Written for this stop, not taken from a corpus.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyMasks } from '../../../sidecar/guards/guard.ts';
import { compileGuards } from '../../../sidecar/guards/index.ts';
import { piiFinder, piiLabel } from '../../../sidecar/guards/pii.ts';
import { streamScan } from '../../../sidecar/guards/stream.ts';
import { PII_TYPES } from '../../../sidecar/snapshot/schema.ts';

type Json = Record<string, any>;

/** [class, text, the text masked]. */
const POSITIVES: [string, string, string][] = [
  // Wrapped over a line break (after a separator, or in place of a group's space; \r\n too).
  ['wrapped', '(415) 555-\n0132', '[PHONE]'],
  ['wrapped', '+49 30\n12345678', '[PHONE]'],
  ['wrapped', '020 7946\n0958', '[PHONE]'],
  ['wrapped', '+33 1 42 68\n53 00', '[PHONE]'],
  ['wrapped', '5500 0000\n0000 0004', '[CREDIT_CARD]'],
  ['wrapped', '4012 8888 8888\n1881', '[CREDIT_CARD]'],
  ['wrapped', '4111-1111-\n1111-1111', '[CREDIT_CARD]'],
  ['wrapped', '4012 8888\r\n8888 1881', '[CREDIT_CARD]'],
  ['wrapped', 'GB82 WEST 1234\n5698 7654 32', '[IBAN]'],
  ['wrapped', 'NL91 ABNA 0417\n1643 00', '[IBAN]'],
  ['wrapped', 'SSN 536-22-\n8104', 'SSN [SSN]'],
  // Spelled-out e-mail addresses.
  ['spelled', 'maria.lopez [at] gmx [dot] de', '[EMAIL]'],
  ['spelled', 'kontakt (at) firma-beispiel (dot) ch', '[EMAIL]'],
  ['spelled', 'Email me: t.nguyen at uni-hamburg dot de', 'Email me: [EMAIL]'],
  ['spelled', 'sam_k at outlook dot com', '[EMAIL]'],
  ['spelled', 'write to rita dot costa at sapo dot pt', 'write to [EMAIL]'],
  ['spelled', 'pedro.ruiz arroba telefonica punto es', '[EMAIL]'],
  ['spelled', 'claire arobase orange point fr', '[EMAIL]'],
  ['spelled', 'ops{at}acme{dot}io', '[EMAIL]'],
  ['spelled', 'JDOE [AT] EXAMPLE [DOT] ORG', '[EMAIL]'],
  ['spelled', '- lena at posteo dot de', '- [EMAIL]'],
  ['spelled', 'alex[at]mailbox.org', '[EMAIL]'],
  // SSNs without separators after a label that says so.
  ['ssn label', 'SSN (no dashes): 536228104', 'SSN (no dashes): [SSN]'],
  ['ssn label', 'SSN (digits only) 536228104', 'SSN (digits only) [SSN]'],
  ['ssn label', 'Social Security Number (SSN): 536228104', 'Social Security Number (SSN): [SSN]'],
  ['ssn label', 'SSN number: 536228104', 'SSN number: [SSN]'],
  ['ssn label', 'social security no. 536228104', 'social security no. [SSN]'],
  // A table's secret column.
  ['column', 'username,password\nmkowalski,Tr4ms!Krak', 'username,password\nmkowalski,[SECRET]'],
  ['column', 'id;pwd;note\n7;Zq9#lmPx;ok', 'id;pwd;note\n7;[SECRET];ok'],
  ['column', 'login\tapi_key\nsvc\tAK93hd72KsLq0PzX', 'login\tapi_key\nsvc\t[SECRET]'],
  [
    'column',
    'user,db_password\nann,"Lx4$hQ9w"\nbob,Kp2!vB7n',
    'user,db_password\nann,"[SECRET]"\nbob,[SECRET]',
  ],
  [
    'column',
    '| user | password |\n|---|---|\n| jdoe | Winter2026$ |',
    '| user | password |\n|---|---|\n| jdoe | [SECRET] |',
  ],
  // Connection strings with a password: the whole string.
  [
    'connection',
    '{"db": "Data Source=sql02;Initial Catalog=Billing;User ID=billing_rw;Password=Qv7!mT2#pL;Encrypt=True;"}',
    '{"db": "[SECRET]"}',
  ],
  [
    'connection',
    'Driver={ODBC Driver 18 for SQL Server};Server=db;Uid=sa;Pwd=Secr3t!x;',
    'Driver={ODBC Driver 18 for SQL Server};[SECRET]',
  ],
  ['connection', 'Host=db;Port=5432;Username=app;Password=Gr33n!Tea9;Pooling=true', '[SECRET]'],
  [
    'connection',
    'Server=tcp:db7.corp.example,1433;Persist Security Info=False;User ID=etl;Password=Vw3kPq8sLm2xNc5z;',
    '[SECRET]',
  ],
  // A first key of several words: a stream holds its words from the line's start or the quote.
  [
    'connection',
    'Persist Security Info=True;Data Source=sql9;User ID=ops;Password=Zt6#wQ1mR8vK;',
    '[SECRET]',
  ],
  [
    'connection',
    "conn = 'Persist Security Info=True;Data Source=sql9;Password=Zt6#wQ1mR8vK'",
    "conn = '[SECRET]'",
  ],
];

/** Look-alikes of each class: left alone. */
const NEGATIVES = [
  // Spelled-out words that are no address.
  'meet at noon dot',
  'look at this dot com bubble',
  'he works at google dot com',
  'contact us at example dot com',
  'we met at the cafe (dot) later',
  'Find us at booth 12 dot 3',
  'Meet me at the lobby dot com entrance tomorrow',
  // Numbers on two lines that are no value.
  'Order 4111 1111\n2222 3333',
  'Rooms 201 202\n203 204',
  'Totals 1200 3400\n5600 7800',
  'v1.2.3\n4.5.6',
  'Call 555\n0132',
  'ISBN 978-3-16-\n148410-0',
  'id,name,value\n17,Jane Doe,091057635\n18,John Roe,n/a',
  'Step 4111\n\n1111 1111 1111',
  // SSN labels over something else.
  'SSN (last four): 8104',
  'order no. 536228104',
  // Columns that hold no secret.
  'token,count\nthe,1523\n##ing,88',
  'password,username\nchangeme,jdoe',
  'password_hint,username\nfirst pet,jdoe',
  'secret,value\nname,Bob',
  'id,password_changed_at\n5,2024-01-03',
  'password,username\n********,jdoe',
  'user,password\nann,<redacted>',
  'password,username\nsee the vault 2026!,jdoe',
  '| user | password |\n|---|---|\n| jdoe | (unchanged) |',
  // Connection strings without a password.
  'Server=db;Database=app;Integrated Security=True;',
  'Password=;Server=db',
];

const find = piiFinder(PII_TYPES);
const masked = (text: string) => applyMasks(text, find(text), piiLabel);
const scanner = { action: 'mask' as const, find, label: piiLabel };
const streamed = (pieces: string[]) => {
  const s = streamScan(scanner, { onFound: () => {} });
  return pieces.map((p) => s.push(p)).join('') + s.end();
};

/** A value at the start, in the middle and at the end of a text (on lines of its own). */
const PLACEMENTS: [string, string][] = [
  ['', '\nThanks.'],
  ['Here it is:\n', '\nThanks.'],
  ['Here it is:\n', ''],
  ['', ''],
];

describe('PII classes: found whole, left alone', () => {
  for (const [kind, text, want] of POSITIVES)
    it(`${kind}: ${JSON.stringify(text)}`, () => {
      for (const [before, after] of PLACEMENTS)
        assert.equal(masked(before + text + after), before + want + after);
    });

  it('look-alikes stay as they are', () => {
    for (const text of NEGATIVES) assert.deepEqual(find(text), [], JSON.stringify(text));
  });
});

describe('PII classes: streams mask as whole texts do', () => {
  for (const [kind, text] of POSITIVES)
    it(`${kind}: ${JSON.stringify(text)}, split at every position and a character at a time`, () => {
      for (const [before, after] of PLACEMENTS) {
        const full = before + text + after;
        const whole = masked(full);
        for (let i = 1; i < full.length; i++)
          assert.equal(streamed([full.slice(0, i), full.slice(i)]), whole, `${JSON.stringify(full)} at ${i}`);
        assert.equal(streamed([...full]), whole, JSON.stringify(full));
      }
    });

  it('look-alikes, split at every position', () => {
    for (const text of NEGATIVES)
      for (let i = 1; i < text.length; i++)
        assert.equal(streamed([text.slice(0, i), text.slice(i)]), text, `${JSON.stringify(text)} at ${i}`);
  });
});

describe('PII classes: every role the guard reads', () => {
  const guards = compileGuards({ pii: { types: [...PII_TYPES], request: 'mask', response: 'mask' } })!;
  const tokens = () => 0;

  for (const [kind, text, want] of POSITIVES)
    it(`${kind}: ${JSON.stringify(text)} in system, user, assistant and tool messages, tool-call arguments, answers`, async () => {
      const body: Json = {
        messages: [
          { role: 'system', content: text },
          { role: 'user', content: [{ type: 'text', text }] },
          {
            role: 'assistant',
            content: text,
            tool_calls: [
              { id: 'c1', type: 'function', function: { name: 'f', arguments: JSON.stringify({ text }) } },
            ],
          },
          { role: 'tool', tool_call_id: 'c1', content: text },
        ],
      };
      guards.checkRequest(body, 'chat', tokens);
      const m = body.messages;
      assert.equal(m[0].content, want, 'system');
      assert.equal(m[1].content[0].text, want, 'user');
      assert.equal(m[2].content, want, 'assistant');
      assert.equal(m[3].content, want, 'tool');
      // A JSON string escapes its line breaks: only values on one line are read whole there.
      if (!text.includes('\n'))
        assert.equal(JSON.parse(m[2].tool_calls[0].function.arguments).text, want, 'tool-call arguments');

      const answer: Json = { choices: [{ index: 0, message: { role: 'assistant', content: text } }] };
      guards.checkResponse(answer);
      assert.equal(answer.choices[0].message.content, want, 'answer');

      // A chat stream, split in three.
      const third = Math.floor(text.length / 3);
      async function* chunks() {
        for (const p of [text.slice(0, third), text.slice(third, 2 * third), text.slice(2 * third)])
          yield { choices: [{ index: 0, delta: { content: p } }] };
        yield { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] };
      }
      let out = '';
      for await (const c of guards.checkStream(chunks(), () => {}))
        out += c.choices?.[0]?.delta?.content ?? '';
      assert.equal(out, want, 'streamed answer');
    });
});
