// OpenAI's Moderation API (and compatible servers): POST {endpoint}/moderations
// {model, input: [texts]} -> results[] with category_scores; a category counts at the threshold.
import type { ClassifierConfig } from '../../snapshot/schema.ts';
import {
  type Ask,
  ClassifierError,
  counted,
  isObject,
  postJson,
  subject,
  urlFor,
  verdict,
} from './classifier.ts';

export function openaiModeration(config: ClassifierConfig): Ask {
  const url = urlFor(config, '/moderations');
  return async (texts, phase, signal) => {
    const input = subject(texts, phase);
    const body = await postJson(
      config,
      url,
      { model: config.model ?? 'omni-moderation-latest', input },
      signal,
    );
    if (!Array.isArray(body?.results)) throw new ClassifierError('no results in the moderation answer');
    const found = new Set<string>();
    for (const r of body.results) {
      if (!isObject(r) || !isObject(r.category_scores))
        throw new ClassifierError('a result without category_scores');
      for (const c of counted(config, r.category_scores as Record<string, number>)) found.add(c);
    }
    return verdict([...found]);
  };
}
