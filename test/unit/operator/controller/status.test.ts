import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompileOutput, Problem } from '../../../../operator/compile/index.ts';
import {
  type Condition,
  desiredConditions,
  desiredStatus,
  mergeConditions,
  statusEvents,
  statusPatch,
  statusUpToDate,
} from '../../../../operator/controller/status.ts';
import type { KubeObject } from '../../../../operator/kube/api.ts';

const T0 = '2026-01-01T00:00:00Z';
const T1 = '2026-01-01T00:05:00Z';

const object = (name: string, extra: Partial<KubeObject> = {}): KubeObject => ({
  metadata: { name, namespace: 'ns', generation: 3, uid: name },
  spec: {},
  ...extra,
});

const compiled = (problems: Problem[] = [], routes: CompileOutput['routes'] = []): CompileOutput => ({
  snapshots: [],
  problems,
  routes,
  access: { grants: new Map(), others: new Map() },
});

const problem = (p: Partial<Problem>): Problem => ({
  kind: 'AIProvider',
  namespace: 'ns',
  name: 'openai',
  path: 'spec',
  reason: 'Invalid',
  message: 'bad',
  condition: 'Accepted',
  severity: 'error',
  ...p,
});

const byType = <C extends { type: string }>(cs: C[]): Record<string, C> =>
  Object.fromEntries(cs.map((c) => [c.type, c]));

describe('desired conditions', () => {
  it('a healthy provider is Accepted, ResolvedRefs, Programmed and Ready', () => {
    const cs = byType(
      desiredConditions({
        kind: 'AIProvider',
        object: object('openai', { spec: { auth: { secretRef: { name: 'creds' } } } }),
        compiled: compiled(),
      }),
    );
    for (const t of ['Accepted', 'ResolvedRefs', 'Programmed', 'Ready'])
      assert.equal(cs[t]!.status, 'True', t);
    assert.match(cs.ResolvedRefs!.message, /Secret ns\/creds/);
  });

  it('a missing Secret turns ResolvedRefs, Programmed and Ready False with its reason', () => {
    const cs = byType(
      desiredConditions({
        kind: 'AIProvider',
        object: object('openai'),
        compiled: compiled([
          problem({
            condition: 'ResolvedRefs',
            reason: 'SecretNotFound',
            path: 'spec.auth.secretRef.name',
            message: 'Secret ns/creds does not exist',
          }),
        ]),
      }),
    );
    assert.equal(cs.Accepted!.status, 'True');
    for (const t of ['ResolvedRefs', 'Programmed', 'Ready']) {
      assert.equal(cs[t]!.status, 'False', t);
      assert.equal(cs[t]!.reason, 'SecretNotFound', t);
    }
    assert.equal(cs.ResolvedRefs!.message, 'spec.auth.secretRef.name: Secret ns/creds does not exist');
  });

  it('an invalid resource is not Accepted, and its references are Unknown (never checked)', () => {
    const cs = byType(
      desiredConditions({
        kind: 'AIQuota',
        object: object('q'),
        compiled: compiled([problem({ kind: 'AIQuota', name: 'q' })]),
      }),
    );
    assert.equal(cs.Accepted!.status, 'False');
    assert.equal(cs.ResolvedRefs!.status, 'Unknown');
    assert.equal(cs.Programmed!.status, 'False');
  });

  it('shows the cause, not its consequence, as the reason', () => {
    const route = (p: Partial<Problem>) =>
      problem({ kind: 'AIRoute', name: 'chat', condition: 'ResolvedRefs', ...p });
    const cs = byType(
      desiredConditions({
        kind: 'AIRoute',
        object: object('chat', { spec: { rules: [{}] } }),
        compiled: compiled([
          route({ reason: 'NoUsableBackends', path: 'spec.rules[0].backends', message: 'no usable backend' }),
          route({
            reason: 'NotAllowedByProvider',
            path: 'spec.rules[0].backends[0].providerRef',
            message: 'not allowed',
          }),
        ]),
      }),
    );
    assert.equal(cs.ResolvedRefs!.reason, 'NotAllowedByProvider');
    assert.match(cs.ResolvedRefs!.message, /^spec.rules\[0\].backends\[0\].providerRef: not allowed; /);
    assert.equal(cs.Programmed!.reason, 'NoRulesProgrammed');
  });

  it('warnings keep a route Accepted and are named in the message', () => {
    const cs = byType(
      desiredConditions({
        kind: 'AIRoute',
        object: object('chat', { spec: { rules: [{}, {}] } }),
        compiled: compiled(
          [
            problem({
              kind: 'AIRoute',
              name: 'chat',
              reason: 'ShadowedRule',
              severity: 'warning',
              message: 'never matches',
            }),
          ],
          [
            {
              namespace: 'ns',
              name: 'chat',
              creationTimestamp: T0,
              config: { id: 'ns/chat', rules: [{} as never] },
            },
          ],
        ),
      }),
    );
    assert.equal(cs.Accepted!.status, 'True');
    assert.match(cs.Accepted!.message, /^Accepted with warnings: .*never matches/);
    assert.equal(cs.Programmed!.status, 'True');
    assert.match(cs.Programmed!.message, /1 of 2 rules/);
  });
});

describe('merging conditions', () => {
  const desired = [{ type: 'Accepted', status: 'True' as const, reason: 'Accepted', message: 'ok' }];

  it('keeps lastTransitionTime while the status stays, even when the message changes', () => {
    const current: Condition[] = [
      { ...desired[0]!, message: 'old', lastTransitionTime: T0, observedGeneration: 1 },
    ];
    const [c] = mergeConditions(current, desired, 2, T1);
    assert.equal(c!.lastTransitionTime, T0);
    assert.equal(c!.observedGeneration, 2);
    assert.equal(c!.message, 'ok');
  });

  it('moves lastTransitionTime when the status flips', () => {
    const current: Condition[] = [{ ...desired[0]!, status: 'False', lastTransitionTime: T0 }];
    assert.equal(mergeConditions(current, desired, 2, T1)[0]!.lastTransitionTime, T1);
  });

  it("keeps other controllers' conditions", () => {
    const foreign: Condition = {
      type: 'QuotaServiceReady',
      status: 'True',
      reason: 'Up',
      message: '',
      lastTransitionTime: T0,
    };
    const merged = mergeConditions([foreign], desired, 1, T1);
    assert.deepEqual(
      merged.map((c) => c.type),
      ['Accepted', 'QuotaServiceReady'],
    );
  });
});

describe('status writes', () => {
  const input = {
    kind: 'AIQuota' as const,
    object: object('q', { spec: { enforcement: 'Enforce' } }),
    compiled: compiled(),
  };

  it('is up to date once written, so nothing is written twice', () => {
    const want = desiredStatus(input, T0);
    assert.equal(statusUpToDate(input.object, want), false);
    const written = { ...input.object, status: { ...want, limits: [{ name: 'l', used: 1, limit: 2 }] } };
    assert.equal(statusUpToDate(written, desiredStatus({ ...input, object: written }, T1)), true);
  });

  it('patches only owned fields: status.limits is never in the patch', () => {
    const current = { ...input.object, status: { limits: [{ name: 'l', used: 5, limit: 9 }] } };
    const patch = statusPatch(current, desiredStatus({ ...input, object: current }, T0));
    assert.equal('limits' in patch.status, false);
    assert.equal(patch.status.observedGeneration, 3);
  });

  it('removes route fields that went away', () => {
    const route = object('chat', { status: { version: 'abc', rules: 2 } });
    const patch = statusPatch(route, { conditions: [], rules: 2 });
    assert.equal(patch.status.version, null);
    assert.equal(patch.status.rules, 2);
  });

  it("an AIQuota's BudgetAlert (from the budget alerts) joins its conditions, and leaves with them", () => {
    const alert = {
      type: 'BudgetAlert',
      status: 'True' as const,
      reason: 'ThresholdCrossed',
      message: 'tokens crossed 80% of 1000 tokens per 1h (window resets at x).',
    };
    const want = desiredStatus({ ...input, extra: [alert] }, T0);
    const written = want.conditions.find((c) => c.type === 'BudgetAlert')!;
    assert.deepEqual(written, { ...alert, observedGeneration: 3, lastTransitionTime: T0 });
    const withAlert = { ...input.object, status: want };
    assert.equal(
      statusUpToDate(withAlert, desiredStatus({ ...input, object: withAlert, extra: [alert] }, T1)),
      true,
    );
    // The thresholds were removed from the spec: the condition goes (it is owned, not foreign).
    const without = desiredStatus({ ...input, object: withAlert }, T1);
    assert.equal(
      without.conditions.some((c) => c.type === 'BudgetAlert'),
      false,
    );
  });

  it('AIRoute status carries rules, the version prefix and the rollout', () => {
    const want = desiredStatus(
      {
        kind: 'AIRoute',
        object: object('chat', { spec: { rules: [{}] } }),
        compiled: compiled(
          [],
          [
            {
              namespace: 'ns',
              name: 'chat',
              creationTimestamp: T0,
              config: { id: 'ns/chat', rules: [{} as never] },
            },
          ],
        ),
        rollout: { connected: 3, current: 2, version: 'a'.repeat(64) },
      },
      T0,
    );
    assert.equal(want.rules, 1);
    assert.equal(want.version, 'aaaaaaaaaaaa');
    assert.deepEqual(want.sidecars, { connected: 3, current: 2 });
  });

  it('an AIRoute whose snapshot connected sidecars refuse is Programmed=False, with their reason', () => {
    const input = {
      kind: 'AIRoute' as const,
      object: object('chat', { spec: { rules: [{}] } }),
      compiled: compiled(
        [],
        [
          {
            namespace: 'ns',
            name: 'chat',
            creationTimestamp: T0,
            config: { id: 'ns/chat', rules: [{} as never] },
          },
        ],
      ),
    };
    const refused = byType(
      desiredConditions({
        ...input,
        rollout: {
          connected: 3,
          current: 1,
          version: 'b'.repeat(64),
          nacked: 2,
          nackReason: 'snapshot too big',
        },
      }),
    );
    assert.equal(refused.Accepted!.status, 'True');
    assert.deepEqual(refused.Programmed, {
      type: 'Programmed',
      status: 'False',
      reason: 'SnapshotRefused',
      message:
        '2 of 3 connected sidecars refused snapshot bbbbbbbbbbbb and keep serving their last good one: snapshot too big',
    });
    const fine = byType(desiredConditions({ ...input, rollout: { connected: 3, current: 3 } }));
    assert.equal(fine.Programmed!.status, 'True');
  });
});

describe('events from status changes', () => {
  const c = (type: string, status: Condition['status'], reason: string, message = reason): Condition => ({
    type,
    status,
    reason,
    message,
    lastTransitionTime: T0,
  });

  it('warns when a condition turns False, once', () => {
    const next = [c('ResolvedRefs', 'False', 'SecretNotFound', 'Secret x does not exist')];
    assert.deepEqual(statusEvents([c('ResolvedRefs', 'True', 'ResolvedRefs')], next), [
      { type: 'Warning', reason: 'SecretNotFound', note: 'Secret x does not exist' },
    ]);
    assert.deepEqual(statusEvents(next, next), []);
  });

  it('says Normal when it recovers, and nothing for a first healthy status', () => {
    const events = statusEvents(
      [c('ResolvedRefs', 'False', 'SecretNotFound')],
      [c('ResolvedRefs', 'True', 'ResolvedRefs', 'ok')],
    );
    assert.deepEqual(events, [{ type: 'Normal', reason: 'ResolvedRefs', note: 'ResolvedRefs: ok' }]);
    assert.deepEqual(statusEvents(undefined, [c('Accepted', 'True', 'Accepted')]), []);
  });

  it('leaves BudgetAlert to the budget alerts (one Event per crossing, none for the condition)', () => {
    assert.deepEqual(
      statusEvents(
        [c('BudgetAlert', 'True', 'ThresholdCrossed')],
        [c('BudgetAlert', 'False', 'WithinBudget')],
      ),
      [],
    );
  });

  it('warns when sidecars refuse the snapshot, and says Normal when that is over', () => {
    const refused = c('Programmed', 'False', 'SnapshotRefused', '1 of 1 connected sidecars refused snapshot');
    assert.deepEqual(statusEvents([c('Programmed', 'True', 'Programmed')], [refused]), [
      { type: 'Warning', reason: 'SnapshotRefused', note: '1 of 1 connected sidecars refused snapshot' },
    ]);
    assert.deepEqual(statusEvents([refused], [refused]), []);
    assert.deepEqual(
      statusEvents([refused], [c('Programmed', 'True', 'Programmed', 'All 1 rules are programmed.')]),
      [{ type: 'Normal', reason: 'Programmed', note: 'Programmed: All 1 rules are programmed.' }],
    );
  });

  it('does not echo Ready and Programmed (they repeat the cause)', () => {
    assert.deepEqual(
      statusEvents(undefined, [c('Ready', 'False', 'SecretNotFound'), c('Programmed', 'False', 'X')]),
      [],
    );
  });
});

describe('access requests', () => {
  const request = (status?: Record<string, unknown>, models?: string[]) =>
    object('ask', {
      spec: {
        provider: { name: 'openai', namespace: 'platform' },
        reason: 'bot',
        requester: 'alice',
        ...(models ? { models } : {}),
      },
      ...(status ? { status } : {}),
    });
  const ready = (o: KubeObject, problems: Problem[] = []) =>
    byType(desiredConditions({ kind: 'AIAccessRequest', object: o, compiled: compiled(problems) })).Ready!;

  it('carry Accepted, ResolvedRefs and Ready (no Programmed), Ready following the decision', () => {
    const cs = desiredConditions({ kind: 'AIAccessRequest', object: request(), compiled: compiled() });
    assert.deepEqual(
      cs.map((c) => c.type),
      ['Accepted', 'ResolvedRefs', 'Ready'],
    );
    assert.deepEqual(ready(request()), {
      type: 'Ready',
      status: 'False',
      reason: 'Pending',
      message: 'Waiting for a decision by a user who may approve aiproviders/openai in namespace platform.',
    });
    const approved = ready(
      request({ phase: 'Approved', decision: { by: 'bob', at: T0, message: 'ok for Q4' } }, ['gpt-4o']),
    );
    assert.equal(approved.status, 'True');
    assert.equal(
      approved.message,
      `Approved by bob at ${T0}: ok for Q4: namespace ns may use AIProvider platform/openai (models gpt-4o).`,
    );
    const revoked = ready(request({ phase: 'Revoked', decision: { by: 'carol', at: T1 } }));
    assert.deepEqual([revoked.status, revoked.reason], ['False', 'Revoked']);
    assert.match(
      revoked.message,
      /^Revoked by carol at .*: namespace ns may not use AIProvider platform\/openai/,
    );
  });

  it('an Approved phase without a recorded decision is not in effect', () => {
    assert.equal(ready(request({ phase: 'Approved' })).reason, 'Pending');
  });

  it('a request naming a missing provider is not Ready, for that reason', () => {
    const r = ready(request({ phase: 'Approved', decision: { by: 'bob', at: T0 } }), [
      problem({
        kind: 'AIAccessRequest',
        name: 'ask',
        reason: 'ProviderNotFound',
        condition: 'ResolvedRefs',
        message: 'AIProvider platform/openai does not exist',
      }),
    ]);
    assert.deepEqual([r.status, r.reason], ['False', 'ProviderNotFound']);
  });

  it('each decision is one Event on the request (Denied and Revoked warn), none for echoed reasons', () => {
    const c = (reason: string, status: Condition['status'] = 'False'): Condition => ({
      type: 'Ready',
      status,
      reason,
      message: `${reason} by bob`,
      lastTransitionTime: T0,
    });
    assert.deepEqual(statusEvents(undefined, [c('Pending')], 'AIAccessRequest'), [
      { type: 'Normal', reason: 'Pending', note: 'Pending by bob' },
    ]);
    assert.deepEqual(statusEvents([c('Pending')], [c('Approved', 'True')], 'AIAccessRequest'), [
      { type: 'Normal', reason: 'Approved', note: 'Approved by bob' },
    ]);
    assert.deepEqual(statusEvents([c('Approved', 'True')], [c('Revoked')], 'AIAccessRequest'), [
      { type: 'Warning', reason: 'Revoked', note: 'Revoked by bob' },
    ]);
    assert.deepEqual(statusEvents([c('Pending')], [c('Denied')], 'AIAccessRequest')[0]?.type, 'Warning');
    assert.deepEqual(statusEvents([c('Approved', 'True')], [c('Approved', 'True')], 'AIAccessRequest'), []);
    assert.deepEqual(statusEvents(undefined, [c('ProviderNotFound')], 'AIAccessRequest'), []);
    // Other kinds' Ready still echoes the others.
    assert.deepEqual(statusEvents([c('Pending')], [c('Approved', 'True')]), []);
  });
});
