// The e-mail detector runs its regex only around an "@" an address can have (pii.ts,
// mayBeAddressAt): text made of other "@"s is skipped, and every address among them still found.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { piiFinder } from '../../../sidecar/guards/pii.ts';

const find = piiFinder(['email']);
const found = (text: string) => find(text).map((s) => text.slice(s.start, s.end));

describe('PII e-mail: the "@"s of no address', () => {
  it('finds nothing in text made of them', () => {
    for (const unit of ['a@', '@@', 'a.b@c.', 'x@y.z@', '@Component ', 'a@.com ', 'a@-', 'é@中'])
      assert.deepEqual(found(unit.repeat(20_000)), [], unit);
  });

  it('still finds every address among them, in any script and at the text ends', () => {
    const addresses = [
      'jane.doe@example.com',
      "o'neil@mail.example.de",
      'ü@例え.jp',
      'a@b.co',
      'x@host.xn--p1ai',
    ];
    for (const address of addresses) {
      for (const noise of ['a@', '@@', 'a.b@c.', ' @x ']) {
        const text = `${noise.repeat(50)} ${address} ${noise.repeat(50)}`;
        assert.deepEqual(found(text), [address], `${address} among ${noise}`);
      }
      assert.deepEqual(found(address), [address]);
    }
  });

  it('takes an address whose domain starts or ends next to the noise', () => {
    assert.deepEqual(found('a@b@c.com'), ['b@c.com']);
    assert.deepEqual(found('x@y.z@ann@corp.io'), ['ann@corp.io']);
    assert.deepEqual(found('mail me: bob@site.org@'), ['bob@site.org']);
  });
});
