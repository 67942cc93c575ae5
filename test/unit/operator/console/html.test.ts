import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, html } from '../../../../operator/console/html.ts';
import { readCookie, Sessions, sessionCookie } from '../../../../operator/console/session.ts';

describe('console HTML', () => {
  it('escapes the five HTML specials and the backtick', () => {
    assert.equal(
      escapeHtml(`<a href="x" title='y'>&\`</a>`),
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;',
    );
  });

  it('escapes every interpolated value, inside arrays too, and inlines only html`` fragments', () => {
    const name = '<script>alert(1)</script>';
    const out = html`<td title="${name}">${name}${[name, html`<b>${name}</b>`]}</td>`.value;
    assert.ok(!out.includes('<script>'));
    assert.equal((out.match(/&lt;script&gt;/g) ?? []).length, 4);
    assert.ok(out.includes('<b>&lt;script&gt;'));
  });

  it('renders nothing for null, undefined and false, and numbers as text', () => {
    assert.equal(html`${null}${undefined}${false}${0}${1.5}`.value, '01.5');
  });
});

describe('console sessions', () => {
  it('seals a token so only this process can open it, until it expires', () => {
    let now = 1000;
    const s = new Sessions(() => now);
    const sealed = s.seal('secret-token', 5000);
    assert.ok(!sealed.includes('secret-token'));
    assert.equal(s.open(sealed), 'secret-token');
    assert.equal(new Sessions(() => now).open(sealed), undefined);
    assert.equal(s.open(`${sealed.slice(0, -2)}AA`), undefined);
    now = 5000;
    assert.equal(s.open(sealed), undefined);
  });

  it('checks CSRF tokens bound to the session cookie', () => {
    const s = new Sessions();
    const a = s.seal('a');
    const b = s.seal('b');
    assert.ok(s.checkCsrf(a, s.csrf(a)));
    assert.ok(!s.checkCsrf(a, s.csrf(b)));
    assert.ok(!s.checkCsrf(a, undefined));
    assert.ok(!s.checkCsrf(a, ''));
  });

  it('sets Secure only over TLS and reads one cookie among several', () => {
    assert.match(sessionCookie('v', true), /; Secure$/);
    assert.doesNotMatch(sessionCookie('v', false), /Secure/);
    assert.match(sessionCookie('', false), /Max-Age=0/);
    assert.equal(readCookie('x=1; aimesh_console=abc; y=2'), 'abc');
    assert.equal(readCookie('x=1'), undefined);
  });
});
