// Data residency: where a route's data may be processed (its spec.dataResidency and its
// namespace's aimesh.io/data-residency label, both applying) against where a provider declares
// it processes data (AIProvider spec.dataResidency). Unknown residency is outside every policy.
import type { AIProviderSpec } from '../../crds/aiprovider.ts';
import type { AIRouteSpec } from '../../crds/airoute.ts';
import { DATA_RESIDENCY_LABEL } from '../../crds/api.ts';
import { JURISDICTION_PATTERN } from '../../sidecar/snapshot/limits.ts';

/** One source of restriction; a provider must satisfy every one. */
export interface ResidencyRule {
  /** Where the rule comes from, for messages: "spec.dataResidency" or the namespace label. */
  source: string;
  jurisdictions?: string[];
  regions?: string[];
}

const JURISDICTION = new RegExp(JURISDICTION_PATTERN);

/** The route's residency rules; an unreadable label value is an error (nothing may be used). */
export function residencyRules(
  spec: AIRouteSpec,
  namespaceLabels: Record<string, string> | undefined,
): { rules: ResidencyRule[]; labelProblem?: string } {
  const rules: ResidencyRule[] = [];
  let labelProblem: string | undefined;
  const label = namespaceLabels?.[DATA_RESIDENCY_LABEL];
  if (label !== undefined) {
    const jurisdictions = label.toUpperCase().split('.');
    const source = `namespace label ${DATA_RESIDENCY_LABEL}=${label}`;
    if (!jurisdictions.every((j) => JURISDICTION.test(j))) {
      labelProblem = `${source} is not a jurisdiction code (EU) or codes joined by dots (EU.CH); no provider is inside it`;
      rules.push({ source, jurisdictions: [] });
    } else rules.push({ source, jurisdictions });
  }
  const own = spec.dataResidency;
  if (own)
    rules.push({ source: 'spec.dataResidency', jurisdictions: own.jurisdictions, regions: own.regions });
  return labelProblem ? { rules, labelProblem } : { rules };
}

/** Why the provider is outside the rules, or undefined when it is inside all of them. */
export function outsideResidency(
  id: string,
  provider: AIProviderSpec,
  rules: ResidencyRule[],
): string | undefined {
  if (rules.length === 0) return undefined;
  const declared = provider.dataResidency;
  for (const rule of rules) {
    const allowed = [
      rule.jurisdictions ? `jurisdictions ${rule.jurisdictions.join(', ') || '(none)'}` : '',
      rule.regions ? `regions ${rule.regions.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    const outside = (what: string) =>
      `AIProvider ${id} ${what}: outside the data residency of ${rule.source} (${allowed})`;
    if (!declared) return outside('declares no data residency (spec.dataResidency)');
    if (rule.jurisdictions && !rule.jurisdictions.includes(declared.jurisdiction))
      return outside(`processes data under jurisdiction ${declared.jurisdiction}${regionsOf(declared)}`);
    if (rule.regions) {
      if (!declared.regions) return outside(`declares jurisdiction ${declared.jurisdiction} but no regions`);
      const foreign = declared.regions.filter((r) => !rule.regions!.includes(r));
      if (foreign.length > 0)
        return outside(
          `processes data in regions ${declared.regions.join(', ')} (${foreign.join(', ')} not allowed)`,
        );
    }
  }
  return undefined;
}

function regionsOf(d: NonNullable<AIProviderSpec['dataResidency']>): string {
  return d.regions ? ` in regions ${d.regions.join(', ')}` : '';
}
