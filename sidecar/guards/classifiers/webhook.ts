// The generic webhook, for any service: POST {endpoint} with
//   {"phase": "request" | "response", "texts": ["..."], "context": ["the prompt", only for responses]}
// (Authorization: Bearer <the provider's key>, when it has one) and answer
//   {"flagged": true | false, "categories": ["..."], "scores": {"<category>": 0.0-1.0}}
// scores, when present, are held to the threshold and the configured categories; otherwise
// flagged decides (with categories, when configured, intersecting the answer's).
import type { ClassifierConfig } from '../../snapshot/schema.ts';
import { type Ask, ClassifierError, counted, isObject, postJson, subject, verdict } from './classifier.ts';

export function webhook(config: ClassifierConfig): Ask {
  return async (texts, phase, signal) => {
    const request =
      phase === 'response'
        ? { phase, texts: subject(texts, phase), context: texts.slice(0, -1) }
        : { phase, texts };
    const body = await postJson(config, config.endpoint, request, signal);
    if (!isObject(body) || typeof body.flagged !== 'boolean')
      throw new ClassifierError('the answer has no flagged field');
    if (isObject(body.scores)) return verdict(counted(config, body.scores as Record<string, number>));
    if (!body.flagged) return verdict([]);
    const named = Array.isArray(body.categories) ? body.categories.map(String) : ['flagged'];
    const wanted = config.categories?.map((c) => c.toLowerCase());
    return verdict(wanted ? named.filter((c: string) => wanted.includes(c.toLowerCase())) : named);
  };
}
