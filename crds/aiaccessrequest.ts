// AIAccessRequest: a namespace asks to use an AIProvider (optionally only some of its models).
// The request is the grant: a platform admin decides by writing its status (kubectl, the console
// or `aimesh-operator access`), and the operator's admission webhook records who and when and
// refuses self-approval and decisions without the `approve` right on the provider.
import { z } from 'zod';
import { ageColumn, described, type KindInfo, name, namespaceName, resourceStatus } from './api.ts';

export const ACCESS_PHASES = ['Pending', 'Approved', 'Denied', 'Revoked'] as const;
export type AccessPhase = (typeof ACCESS_PHASES)[number];

/** The decisions a phase may move to (anything else is refused by the webhook and by CEL). */
export const ACCESS_TRANSITIONS: Record<AccessPhase, readonly AccessPhase[]> = {
  Pending: ['Approved', 'Denied'],
  Approved: ['Revoked'],
  Denied: [],
  Revoked: [],
};

export const MODEL_NAME_MAX = 128;
export const REASON_MAX = 2048;
export const MESSAGE_MAX = 1024;
/** Kubernetes user names are free-form; service accounts are ~80 characters. */
export const USERNAME_MAX = 512;

const spec = described(
  z.object({
    provider: z
      .object({
        name: name('Name of the AIProvider.'),
        namespace: namespaceName('Namespace of the AIProvider.'),
      })
      .describe('The AIProvider this namespace asks to use.'),
    models: z
      .array(z.string().min(1).max(MODEL_NAME_MAX))
      .min(1)
      .max(32)
      .optional()
      .describe(
        'Only these models of the provider (routes must then name one in backends[].model); omitted: every model.',
      ),
    reason: z
      .string()
      .min(1)
      .max(REASON_MAX)
      .describe('Why the namespace needs the provider, for the person who decides.'),
    requester: z
      .string()
      .max(USERNAME_MAX)
      .optional()
      .describe(
        'Who asked: set by the admission webhook from the authenticated user on create; a value sent by a client is replaced. Read-only.',
      ),
  }),
  'What the namespace asks for. Immutable: to ask for something else, create another request.',
  [
    {
      cel: 'self == oldSelf',
      message: 'spec is immutable: create another AIAccessRequest to ask for something else',
      // A transition rule: nothing to check on a single object (offline compile).
      check: () => true,
    },
  ],
);

const decision = z
  .object({
    by: z.string().max(USERNAME_MAX).describe('The user who decided, as the apiserver authenticated them.'),
    at: z.string().max(64).describe('When the decision was recorded (RFC 3339).'),
    message: z
      .string()
      .max(MESSAGE_MAX)
      .optional()
      .describe("The decider's note to the requester, e.g. why a request was denied."),
  })
  .describe('The last decision, recorded by the admission webhook (any value a client sends is replaced).');

const transitionCel = `oldSelf.phase == self.phase || ${Object.entries(ACCESS_TRANSITIONS)
  .filter(([, to]) => to.length > 0)
  .map(
    ([from, to]) => `(oldSelf.phase == '${from}' && self.phase in [${to.map((t) => `'${t}'`).join(', ')}])`,
  )
  .join(' || ')}`;

const status = described(
  resourceStatus(
    {
      phase: z
        .enum(ACCESS_PHASES)
        .default('Pending')
        .describe(
          'Pending (default), Approved (the grant is in effect), Denied, or Revoked (an approval taken back). Pending -> Approved | Denied, Approved -> Revoked.',
        ),
      decision: decision.optional(),
    },
    'The decision (written by the deciding user through the status subresource) and what the operator observed (Ready: the grant is in effect).',
  ).default({ phase: 'Pending' }),
  'The decision and what the operator observed.',
  [
    {
      cel: "self.phase == 'Pending' || has(self.decision)",
      message: 'a decision records who decided: decide through the admission webhook',
      check: (v) => v.phase === 'Pending' || v.decision !== undefined,
    },
    {
      cel: transitionCel,
      message: 'phase may only move Pending -> Approved or Denied, and Approved -> Revoked',
      check: () => true,
    },
  ],
);

export const AIAccessRequestSpec = spec;
export type AIAccessRequestSpec = z.output<typeof spec>;
export type AIAccessRequestStatus = z.output<typeof status>;

export const aiaccessrequest: KindInfo = {
  kind: 'AIAccessRequest',
  plural: 'aiaccessrequests',
  singular: 'aiaccessrequest',
  shortNames: ['aiaccess'],
  description:
    'AIAccessRequest asks, with a reason, for this namespace to use an AIProvider (optionally some of its models). An admin with the approve right on the provider approves, denies or revokes it by writing its status; providers with allowedNamespaces.from Approved admit only namespaces holding an approved request.',
  spec,
  status,
  printerColumns: [
    { name: 'Provider', type: 'string', jsonPath: '.spec.provider.name' },
    { name: 'Provider Namespace', type: 'string', jsonPath: '.spec.provider.namespace', priority: 1 },
    { name: 'Requester', type: 'string', jsonPath: '.spec.requester' },
    { name: 'Phase', type: 'string', jsonPath: '.status.phase' },
    { name: 'Decided By', type: 'string', jsonPath: '.status.decision.by' },
    { name: 'Reason', type: 'string', jsonPath: '.spec.reason', priority: 1 },
    ageColumn,
  ],
  referenceStatus: true,
};
