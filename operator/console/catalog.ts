// Catalog: per namespace, the providers it may use (models, prices, context windows), the model
// names its routes accept, and how to call them from the OpenAI and Anthropic SDKs and curl
// through the sidecar (the injected OPENAI_BASE_URL / ANTHROPIC_BASE_URL point at it), and where
// data goes: each provider's declared data residency and the namespace's residency label.
import { DATA_RESIDENCY_LABEL } from '../../crds/api.ts';
import { matchesSelector } from '../compile/selectors.ts';
import type { KubeObject } from '../kube/api.ts';
import { type Html, html } from './html.ts';
import { namespacePicker, table } from './layout.ts';
import { aimesh, condition, namespaceOf, permitted, type ViewContext } from './view.ts';

export interface CatalogModel {
  name: string;
  upstreamName?: string;
  contextWindow?: number;
  maxOutputTokens?: number;
  /** USD per 1M tokens. */
  pricing?: { input: number; output: number; cachedInput?: number };
}

export interface CatalogProvider {
  namespace: string;
  name: string;
  type: string;
  ready?: string;
  /** Same, All, Selector, or Approved (only namespaces with an approved AIAccessRequest). */
  allowedFrom: string;
  /** Where the provider processes data (AIProvider spec.dataResidency); undefined: not declared. */
  dataResidency?: { jurisdiction: string; regions?: string[] };
  models: CatalogModel[];
}

export interface CatalogRoute {
  name: string;
  /** The model names apps may ask for; "*" ends a prefix match; [] for a rule matching any model. */
  rules: { models: string[]; backends: { provider: string; model?: string; weight: number }[] }[];
  accepted?: string;
}

export interface CatalogNamespace {
  namespace: string;
  /** The namespace's aimesh.io/data-residency label: where its routes' data may go. */
  dataResidency?: string;
  providers: CatalogProvider[];
  routes: CatalogRoute[];
  /** Every model name the namespace's routes accept, in rule order (a trailing * is a prefix). */
  acceptedModels: string[];
}

export interface CatalogData {
  namespaces: CatalogNamespace[];
}

export async function catalogData(ctx: ViewContext): Promise<CatalogData> {
  const providers = ctx.sources.objects('AIProvider');
  const routes = ctx.sources.objects('AIRoute');
  const labels = new Map(ctx.sources.namespaces().map((n) => [n.metadata.name, n.metadata.labels ?? {}]));
  const candidates = [...routes, ...providers].map(namespaceOf);
  const namespaces = await permitted(ctx, aimesh('airoutes'), candidates);
  const grants = approvedGrants(ctx.sources.accessRequests());
  return {
    namespaces: namespaces.map((namespace) => {
      const usable = providers
        .map((p) => usableModels(p, namespace, labels.get(namespace) ?? {}, grants))
        .filter((p): p is CatalogProvider => p !== undefined)
        .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
      const own = routes
        .filter((r) => namespaceOf(r) === namespace)
        .map((r) => catalogRoute(r, namespace, usable));
      const accepted = new Set(own.flatMap((r) => r.rules.flatMap((rule) => rule.models)));
      const residency = labels.get(namespace)?.[DATA_RESIDENCY_LABEL];
      return {
        namespace,
        ...(residency ? { dataResidency: residency } : {}),
        providers: usable,
        routes: own,
        acceptedModels: [...accepted],
      };
    }),
  };
}

/** "namespace provider-namespace/name" -> the granted models (undefined: every model). */
type Grants = Map<string, Set<string> | undefined>;

/** The Approved AIAccessRequests (allowedNamespaces.from Approved admits only their namespaces). */
function approvedGrants(requests: readonly KubeObject[]): Grants {
  const grants: Grants = new Map();
  for (const r of requests) {
    if ((r.status as { phase?: string } | undefined)?.phase !== 'Approved') continue;
    const spec = (r.spec ?? {}) as { provider?: { name?: string; namespace?: string }; models?: string[] };
    const key = `${namespaceOf(r)} ${spec.provider?.namespace ?? namespaceOf(r)}/${spec.provider?.name}`;
    const models = spec.models;
    if (grants.has(key) && grants.get(key) === undefined) continue;
    grants.set(key, models ? new Set([...(grants.get(key) ?? []), ...models]) : undefined);
  }
  return grants;
}

/** The provider as this namespace may use it (only granted models), or undefined when it may not. */
function usableModels(
  p: KubeObject,
  namespace: string,
  labels: Record<string, string>,
  grants: Grants,
): CatalogProvider | undefined {
  const provider = catalogProvider(p);
  if (provider.namespace === namespace || provider.allowedFrom === 'All') return provider;
  const allowed = (p.spec as { allowedNamespaces?: { selector?: never } })?.allowedNamespaces;
  if (provider.allowedFrom === 'Selector')
    return matchesSelector(allowed?.selector, labels) ? provider : undefined;
  if (provider.allowedFrom !== 'Approved') return undefined;
  const key = `${namespace} ${provider.namespace}/${provider.name}`;
  if (!grants.has(key)) return undefined;
  const models = grants.get(key);
  return models ? { ...provider, models: provider.models.filter((m) => models.has(m.name)) } : provider;
}

function catalogProvider(p: KubeObject): CatalogProvider {
  const spec = (p.spec ?? {}) as {
    type?: string;
    models?: CatalogModel[];
    allowedNamespaces?: { from?: string };
    dataResidency?: { jurisdiction: string; regions?: string[] };
  };
  return {
    namespace: namespaceOf(p),
    name: p.metadata.name,
    type: spec.type ?? '',
    ...(condition(p, 'Ready') ? { ready: condition(p, 'Ready')!.status } : {}),
    allowedFrom: spec.allowedNamespaces?.from ?? 'Same',
    ...(spec.dataResidency ? { dataResidency: spec.dataResidency } : {}),
    models: (spec.models ?? []).map((m) => ({
      name: m.name,
      ...(m.upstreamName ? { upstreamName: m.upstreamName } : {}),
      ...(m.contextWindow ? { contextWindow: m.contextWindow } : {}),
      ...(m.maxOutputTokens ? { maxOutputTokens: m.maxOutputTokens } : {}),
      ...(m.pricing ? { pricing: m.pricing } : {}),
    })),
  };
}

interface RuleSpec {
  matches?: { model?: string }[];
  backends?: { providerRef: { name: string; namespace?: string }; model?: string; weight?: number }[];
}

function catalogRoute(r: KubeObject, namespace: string, usable: CatalogProvider[]): CatalogRoute {
  const rules = ((r.spec as { rules?: RuleSpec[] })?.rules ?? []).map((rule) => {
    const backends = (rule.backends ?? []).map((b) => ({
      provider: `${b.providerRef.namespace ?? namespace}/${b.providerRef.name}`,
      ...(b.model ? { model: b.model } : {}),
      weight: b.weight ?? 1,
    }));
    const asked = (rule.matches ?? []).map((m) => m.model).filter((m): m is string => !!m);
    const anyModel = (rule.matches ?? []).length === 0 || (rule.matches ?? []).some((m) => !m.model);
    // A rule for any model accepts what its backends serve: their fixed model, else the provider's.
    const served = backends.flatMap((b) =>
      b.model
        ? [b.model]
        : (usable.find((p) => `${p.namespace}/${p.name}` === b.provider)?.models ?? []).map((m) => m.name),
    );
    return { models: [...new Set(anyModel ? [...asked, ...served] : asked)], backends };
  });
  const accepted = condition(r, 'Accepted');
  return { name: r.metadata.name, rules, ...(accepted ? { accepted: accepted.status } : {}) };
}

const residencyText = (r: CatalogProvider['dataResidency']): Html =>
  r
    ? html`<strong>${r.jurisdiction}</strong>${r.regions?.length ? ` (${r.regions.join(', ')})` : ''}`
    : html`<span class="muted">not declared (outside every data residency rule)</span>`;
const usd = (n: number | undefined) => (n === undefined ? '\u2014' : `$${n.toFixed(n < 1 ? 3 : 2)}`);
const count = (n: number | undefined) => (n === undefined ? '\u2014' : n.toLocaleString('en-US'));

export function catalogPage(data: CatalogData, all: string[], selected?: string): Html {
  return html`<p class="muted">What each namespace you may read can call through its sidecar, and how.</p>
${namespacePicker('catalog', all, selected)}
${data.namespaces.length === 0 ? html`<p>There is no namespace here whose AIRoutes you may list.</p>` : ''}
${data.namespaces.map(
  (ns) => html`<section aria-labelledby="cat-${ns.namespace}">
<h2 id="cat-${ns.namespace}">Namespace ${ns.namespace}</h2>
<p>Data residency: ${ns.dataResidency ? html`data may go only to <strong>${ns.dataResidency}</strong> (label <code>${DATA_RESIDENCY_LABEL}</code>; routes may narrow it further)` : html`<span class="muted">no namespace rule (label <code>${DATA_RESIDENCY_LABEL}</code> unset)</span>`}</p>
${table(
  `Model names the routes of ${ns.namespace} accept`,
  ['Route', 'Accepted', 'Models apps may ask for', 'Backends (provider / model, weight)'],
  ns.routes.flatMap((r) =>
    r.rules.map((rule, i) => [
      html`${i === 0 ? r.name : ''}`,
      html`${i === 0 ? (r.accepted ?? '\u2014') : ''}`,
      html`${rule.models.length ? rule.models.map((m, j) => html`${j ? ', ' : ''}<code>${m}</code>`) : html`<span class="muted">any</span>`}`,
      html`${rule.backends.map((b, j) => html`${j ? html`<br>` : ''}${b.provider} / ${b.model ?? 'as asked'}, ${b.weight}`)}`,
    ]),
  ),
)}
${ns.providers.map(
  (
    p,
  ) => html`<h3>Provider ${p.namespace}/${p.name} <span class="muted">(${p.type}${p.ready ? html`, Ready <span class="${p.ready}">${p.ready}</span>` : ''})</span></h3>
<p>Processes data in: ${residencyText(p.dataResidency)}</p>
${table(
  `Models of ${p.namespace}/${p.name}`,
  ['Model', 'Context window', 'Max output', 'Input $/1M', 'Output $/1M', 'Cached input $/1M'],
  p.models.map((m) => [
    html`<code>${m.name}</code>${m.upstreamName ? html` <span class="muted">(${m.upstreamName})</span>` : ''}`,
    html`<span class="num">${count(m.contextWindow)}</span>`,
    html`<span class="num">${count(m.maxOutputTokens)}</span>`,
    html`<span class="num">${usd(m.pricing?.input)}</span>`,
    html`<span class="num">${usd(m.pricing?.output)}</span>`,
    html`<span class="num">${usd(m.pricing?.cachedInput ?? m.pricing?.input)}</span>`,
  ]),
)}`,
)}
${ns.providers.length === 0 ? html`<p>No provider admits this namespace yet.</p>` : ''}
${snippets(ns)}
</section>`,
)}`;
}

/** Copy-paste examples for the first model the namespace's routes accept. */
function snippets(ns: CatalogNamespace): Html {
  const name =
    ns.acceptedModels.find((m) => !m.endsWith('*')) ?? ns.providers[0]?.models[0]?.name ?? 'gpt-4o-mini';
  // A JSON string is a valid Python string literal and JSON body value alike.
  const model = JSON.stringify(name);
  const py = `from openai import OpenAI

client = OpenAI()  # OPENAI_BASE_URL is set by the injected sidecar
reply = client.chat.completions.create(
    model=${model},
    messages=[{"role": "user", "content": "Hello"}],
)
print(reply.choices[0].message.content)`;
  const anthropic = `import anthropic

client = anthropic.Anthropic()  # ANTHROPIC_BASE_URL is set by the injected sidecar
reply = client.messages.create(
    model=${model},
    max_tokens=256,
    messages=[{"role": "user", "content": "Hello"}],
)
print(reply.content[0].text)`;
  const curl = `curl -s http://127.0.0.1:15080/v1/chat/completions \\
  -H 'content-type: application/json' \\
  -d '{"model": ${model.replace(/'/g, `'\\''`)}, "messages": [{"role": "user", "content": "Hello"}]}'`;
  return html`<h3>Call it from a pod of ${ns.namespace}</h3>
<p class="muted">No API key in the app: the sidecar adds the provider's credentials.</p>
<details open><summary>OpenAI SDK (Python)</summary><pre><code>${py}</code></pre></details>
<details><summary>Anthropic SDK (Python)</summary><pre><code>${anthropic}</code></pre></details>
<details><summary>curl</summary><pre><code>${curl}</code></pre></details>`;
}
