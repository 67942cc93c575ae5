// Model discovery, computed once per snapshot: the model names an app can call WITHOUT special
// headers, per operation (GET /v1/models, GET /anthropic/v1/models), and why a request found no
// route (the 404's message). A name is listed for an operation only when the first rule a plain
// request (no headers) would take is a rule that advertises that name, so a client that picks any
// listed model gets a route, and header-gated rules (a premium tier) are explained, not listed.
import { OPERATIONS, type Operation, type RuleConfig } from '../snapshot/index.ts';
import { compileMatches, modelMatcher, type Predicate } from './match.ts';

/** What discovery needs of a runtime rule and its providers' model names. */
export interface DiscoveryRule {
  routeId: string;
  name: string;
  config: RuleConfig;
  matches: Predicate;
}

export interface ListedModel {
  id: string;
  /** The provider id serving it, or "aimesh" when the route names it. */
  ownedBy: string;
  operations: Operation[];
}

export interface Discovery {
  /** Callable models, those serving chat first (a client that takes the first one can chat). */
  models: readonly ListedModel[];
  /** GET /v1/models, serialized once. */
  openaiJson: Buffer;
  /** GET /anthropic/v1/models (chat models only), serialized once. */
  anthropicJson: Buffer;
  /** The 404 text for a request no rule takes. */
  noRoute(model: string | undefined, operation: Operation): string;
}

const NO_HEADERS = {};

export function discover(
  rules: readonly DiscoveryRule[],
  providerModels: (providerId: string) => readonly string[],
): Discovery {
  const firstRule = new Map<string, DiscoveryRule | undefined>();
  const takenBy = (model: string, operation: Operation) => {
    const key = `${operation}\n${model}`;
    if (!firstRule.has(key))
      firstRule.set(
        key,
        rules.find((r) => r.matches({ model, operation, headers: NO_HEADERS })),
      );
    return firstRule.get(key);
  };

  const listed = new Map<string, ListedModel>();
  for (const rule of rules) {
    for (const [id, ownedBy] of advertised(rule.config, providerModels)) {
      for (const operation of OPERATIONS) {
        if (takenBy(id, operation) !== rule) continue;
        const m = listed.get(id) ?? { id, ownedBy, operations: [] };
        listed.set(id, m);
        if (!m.operations.includes(operation)) m.operations.push(operation);
      }
    }
  }
  const models = [...listed.values()].sort(
    (a, b) => Number(b.operations.includes('chat')) - Number(a.operations.includes('chat')),
  );
  for (const m of models) m.operations.sort((a, b) => OPERATIONS.indexOf(a) - OPERATIONS.indexOf(b));

  const gated = rules
    .filter((r) => r.config.matches.some((m) => (m.headers?.length ?? 0) > 0))
    .map(gatedRule);

  return {
    models,
    openaiJson: Buffer.from(
      JSON.stringify({
        object: 'list',
        data: models.map((m) => ({
          id: m.id,
          object: 'model',
          created: 0,
          owned_by: m.ownedBy,
          aimesh: { operations: m.operations },
        })),
      }),
    ),
    anthropicJson: anthropicList(models.filter((m) => m.operations.includes('chat'))),
    noRoute(model, operation) {
      const what =
        model === undefined
          ? `no route for operation ${operation}`
          : `no route for model "${model}" (operation ${operation})`;
      const callable = models.filter((m) => m.operations.includes(operation)).map((m) => m.id);
      const list =
        callable.length > 0
          ? `models you can call for ${operation}: ${callable.join(', ')}`
          : `no model is routed for ${operation}`;
      const hints = gated
        .filter((g) => g.takes({ model, operation, headers: NO_HEADERS }))
        .map((g) => `rule ${g.name} of route ${g.routeId} takes it only with ${g.condition}`);
      return [what, list, ...hints].join('; ');
    },
  };
}

/** The names a rule offers: exact model matches, provider models fitting a prefix, and for a
 * rule that takes any model, its backends' models (the override when a backend sets one). */
function advertised(
  rule: RuleConfig,
  providerModels: (providerId: string) => readonly string[],
): [id: string, ownedBy: string][] {
  const out: [string, string][] = [];
  const backends = rule.backends.filter((b) => b.weight > 0);
  for (const match of rule.matches) {
    if (match.model === undefined) continue;
    if (!match.model.endsWith('*')) {
      out.push([match.model, 'aimesh']);
      continue;
    }
    const fits = modelMatcher(match.model);
    for (const b of backends)
      for (const name of providerModels(b.provider)) if (fits(name)) out.push([name, b.provider]);
  }
  const anyModel = rule.matches.length === 0 || rule.matches.some((m) => m.model === undefined);
  if (anyModel)
    for (const b of backends) {
      if (b.model !== undefined) out.push([b.model, b.provider]);
      else for (const name of providerModels(b.provider)) out.push([name, b.provider]);
    }
  return out;
}

/** A rule with header conditions: would it take the request if the headers were sent? */
function gatedRule(rule: DiscoveryRule) {
  const gatedMatches = rule.config.matches.filter((m) => (m.headers?.length ?? 0) > 0);
  const condition = gatedMatches
    .map((m) =>
      (m.headers ?? [])
        .map((h) =>
          h.type === 'RegularExpression'
            ? `header ${h.name} matching /${h.value}/`
            : `header ${h.name}: ${h.value}`,
        )
        .join(' and '),
    )
    .join(' or ');
  return {
    routeId: rule.routeId,
    name: rule.name,
    condition,
    takes: compileMatches(gatedMatches.map((m) => ({ ...m, headers: undefined }))),
  };
}

/** The Anthropic Models API list shape. */
function anthropicList(models: readonly ListedModel[]): Buffer {
  const data = models.map((m) => ({
    type: 'model',
    id: m.id,
    display_name: m.id,
    created_at: '1970-01-01T00:00:00Z',
  }));
  return Buffer.from(
    JSON.stringify({
      data,
      has_more: false,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
    }),
  );
}
