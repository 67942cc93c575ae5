// AIAccessRequest admission as a table: the requester is the authenticated creator, a decision is
// an allowed transition by someone else who may approve the provider, and the recorded decision is
// the webhook's (who, when), never the client's. The authorizer here answers from a table; the
// integration test (access.test.ts) asks the real apiserver by SubjectAccessReview.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type AccessAdmission,
  type ApproveCheck,
  admitAccessRequest,
} from '../../../../operator/webhook/access.ts';

const NOW = new Date('2026-12-07T03:00:00.123Z');
const approvers = new Set(['bob', 'carol']);
const asked: ApproveCheck[] = [];
const authorize = async (c: ApproveCheck) => {
  asked.push(c);
  return approvers.has(c.user.username ?? '')
    ? { allowed: true }
    : { allowed: false, reason: 'no RBAC rule' };
};

const request = (phase?: string, decision?: Record<string, unknown>) => ({
  metadata: { name: 'ask', namespace: 'team-a' },
  spec: { provider: { name: 'openai', namespace: 'platform' }, requester: 'alice', reason: 'bot' },
  status: { ...(phase ? { phase } : {}), ...(decision ? { decision } : {}) },
});

const statusUpdate = (
  user: string,
  from: string | undefined,
  to: string,
  extra: Record<string, unknown> = {},
) =>
  ({
    operation: 'UPDATE',
    subResource: 'status',
    namespace: 'team-a',
    userInfo: { username: user, groups: ['system:authenticated'] },
    oldObject: request(from, from && from !== 'Pending' ? { by: 'bob', at: 'then' } : undefined),
    object: request(to, extra),
  }) as AccessAdmission;

test('create: the requester is the authenticated user, whatever the client wrote', async () => {
  const object = request();
  (object.spec as any).requester = 'mallory';
  const v = await admitAccessRequest(
    { operation: 'CREATE', userInfo: { username: 'alice' }, object } as AccessAdmission,
    authorize,
  );
  assert.deepEqual(v, { allowed: true, patch: [{ op: 'replace', path: '/spec/requester', value: 'alice' }] });
  delete (object.spec as any).requester;
  const fresh = await admitAccessRequest(
    { operation: 'CREATE', userInfo: { username: 'alice' }, object } as AccessAdmission,
    authorize,
  );
  assert.deepEqual(fresh, { allowed: true, patch: [{ op: 'add', path: '/spec/requester', value: 'alice' }] });
});

test('update: the requester stays the stored one', async () => {
  const object = request();
  (object.spec as any).requester = 'mallory';
  const v = await admitAccessRequest(
    {
      operation: 'UPDATE',
      userInfo: { username: 'mallory' },
      object,
      oldObject: request(),
    } as AccessAdmission,
    authorize,
  );
  assert.deepEqual(v, { allowed: true, patch: [{ op: 'replace', path: '/spec/requester', value: 'alice' }] });
});

const decisions: {
  name: string;
  user: string;
  from?: string;
  to: string;
  allowed: boolean;
  says?: RegExp;
}[] = [
  { name: 'an approver approves a pending request', user: 'bob', to: 'Approved', allowed: true },
  { name: 'an approver denies it', user: 'carol', from: 'Pending', to: 'Denied', allowed: true },
  { name: 'an approver revokes an approval', user: 'carol', from: 'Approved', to: 'Revoked', allowed: true },
  {
    name: 'the requester approves its own request',
    user: 'alice',
    to: 'Approved',
    allowed: false,
    says: /alice asked for this access \(spec.requester of AIAccessRequest team-a\/ask\) and cannot decide on it/,
  },
  {
    name: 'a user without approve on the provider',
    user: 'dave',
    to: 'Approved',
    allowed: false,
    says: /dave may not decide on AIAccessRequest team-a\/ask: deciding needs the verb approve on aiproviders.aimesh.io openai in namespace platform \(no RBAC rule\)/,
  },
  {
    name: 'a denied request approved later',
    user: 'bob',
    from: 'Denied',
    to: 'Approved',
    allowed: false,
    says: /is Denied: it cannot become Approved \(a final decision; to ask again, create a new request\)/,
  },
  {
    name: 'a revoked grant back to Approved',
    user: 'bob',
    from: 'Revoked',
    to: 'Approved',
    allowed: false,
    says: /is Revoked: it cannot become Approved/,
  },
  {
    name: 'an approval back to Pending',
    user: 'bob',
    from: 'Approved',
    to: 'Pending',
    allowed: false,
    says: /is Approved: it cannot become Pending \(only Revoked/,
  },
];

for (const d of decisions) {
  test(`decision: ${d.name}`, async () => {
    asked.length = 0;
    const v = await admitAccessRequest(
      statusUpdate(d.user, d.from, d.to, { by: 'someone-else', at: 'forged', message: 'ok for Q4' }),
      authorize,
      () => NOW,
    );
    assert.equal(v.allowed, d.allowed, JSON.stringify(v));
    if (v.allowed) {
      assert.deepEqual(v.patch, [
        {
          op: 'replace',
          path: '/status/decision',
          value: { by: d.user, at: '2026-12-07T03:00:00Z', message: 'ok for Q4' },
        },
      ]);
      assert.deepEqual(asked, [
        {
          user: { username: d.user, groups: ['system:authenticated'] },
          verb: 'approve',
          group: 'aimesh.io',
          resource: 'aiproviders',
          namespace: 'platform',
          name: 'openai',
        },
      ]);
    } else assert.match(v.message, d.says!);
  });
}

test("a status write that keeps the phase (the operator's conditions) keeps the recorded decision", async () => {
  const kept = await admitAccessRequest(
    statusUpdate('system:serviceaccount:aimesh:operator', 'Approved', 'Approved'),
    authorize,
  );
  assert.deepEqual(kept, {
    allowed: true,
    patch: [{ op: 'replace', path: '/status/decision', value: { by: 'bob', at: 'then' } }],
  });
  const forged = statusUpdate('alice', 'Pending', 'Pending', { by: 'bob', at: 'now' });
  assert.deepEqual(await admitAccessRequest(forged, authorize), {
    allowed: true,
    patch: [{ op: 'remove', path: '/status/decision' }],
  });
  const untouched = statusUpdate('bob', 'Approved', 'Approved', { by: 'bob', at: 'then' });
  assert.deepEqual(await admitAccessRequest(untouched, authorize), { allowed: true, patch: [] });
});
