// Presidio Analyzer's REST API: POST {endpoint}/analyze {text, language, entities?,
// score_threshold} -> [{entity_type, start, end, score}]. Any entity found counts (Presidio's
// anonymizer is not used: the guard blocks or logs).
import type { ClassifierConfig } from '../../snapshot/schema.ts';
import { type Ask, ClassifierError, isObject, postJson, subject, urlFor, verdict } from './classifier.ts';

export function presidio(config: ClassifierConfig): Ask {
  const url = urlFor(config, '/analyze', false);
  return async (texts, phase, signal) => {
    const found = new Set<string>();
    for (const text of subject(texts, phase)) {
      const request: Record<string, unknown> = { text, language: 'en', score_threshold: config.threshold };
      if (config.categories) request.entities = config.categories;
      const body = await postJson(config, url, request, signal);
      if (!Array.isArray(body)) throw new ClassifierError('the analyzer answer is not a list');
      for (const r of body) {
        if (!isObject(r) || typeof r.entity_type !== 'string')
          throw new ClassifierError('a result without entity_type');
        if (Number(r.score ?? 1) >= config.threshold) found.add(r.entity_type);
      }
    }
    return verdict([...found]);
  };
}
