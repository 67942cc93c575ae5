// Patterns from resources run on RE2: a catastrophic-backtracking pattern over a long prompt or
// header finishes (observed before: `(a+)+$` over a 50 KB prompt froze the sidecar for good).
// The work runs in a child process so a regression fails the test instead of hanging the run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { linearRegex, regexProblem } from '../../../sidecar/snapshot/regex.ts';

const GUARDS = new URL('../../../sidecar/guards/index.ts', import.meta.url).href;
const MATCH = new URL('../../../sidecar/routing/match.ts', import.meta.url).href;

/** Runs `body` (a module body that prints its answer) in a child process killed after the deadline. */
function inChild(body: string, deadlineMs = 20_000): string {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', body], {
    timeout: deadlineMs,
    encoding: 'utf8',
  });
  if (run.error || run.signal) throw new Error(`no answer within ${deadlineMs} ms: the pattern backtracks`);
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.trim();
}

describe('regular expressions from resources', () => {
  it('a deny pattern of nested quantifiers checks a 50 KB prompt and answers', () => {
    const verdict = inChild(`
      const { compileGuards } = await import(${JSON.stringify(GUARDS)});
      const set = compileGuards({ denyPatterns: ['(a+)+$'] });
      const content = 'a'.repeat(50_000) + '!';
      const v = set.checkRequest({ messages: [{ role: 'user', content }] }, 'chat', () => 0);
      console.log(v.block ? 'blocked' : 'passed');
    `);
    assert.equal(verdict, 'passed');
  });

  it('a header RegularExpression of nested quantifiers checks an 8 KB header and answers', () => {
    const matched = inChild(`
      const { compileMatch } = await import(${JSON.stringify(MATCH)});
      const m = compileMatch({ headers: [{ name: 'x-team', value: '^(a|aa)+$', type: 'RegularExpression' }] });
      console.log(m({ operation: 'chat', headers: { 'x-team': 'a'.repeat(8_000) + 'b' } }));
    `);
    assert.equal(matched, 'false');
  });

  it('matches anywhere (unanchored), case-insensitively only when asked, Unicode included', () => {
    assert.equal(linearRegex('falcon').test('project falcon!'), true);
    assert.equal(linearRegex('^falcon$').test('project falcon'), false);
    assert.equal(linearRegex('FALCON').test('falcon'), false);
    assert.equal(linearRegex('FALCON', { ignoreCase: true }).test('falcon'), true);
    assert.equal(linearRegex('größe', { ignoreCase: true }).test('GRÖSSE GRÖßE'), true);
  });

  it('refuses what RE2 cannot run in linear time, saying why', () => {
    assert.match(regexProblem('password(?=:)') ?? '', /invalid or unsupported Perl syntax: `\(\?=`/);
    assert.match(regexProblem('(?<!x)y') ?? '', /invalid regular expression/);
    assert.match(regexProblem('(red)-\\1') ?? '', /invalid escape sequence: `\\1`/);
    assert.match(regexProblem('a{1001}') ?? '', /invalid repeat count/);
    assert.match(regexProblem('(') ?? '', /missing closing \)/);
    assert.equal(regexProblem('^(red|blue)$'), undefined);
    assert.equal(regexProblem('project\\s+falcon'), undefined);
  });
});
