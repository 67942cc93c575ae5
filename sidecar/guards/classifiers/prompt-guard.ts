// Llama Prompt Guard (and other text classifiers) served by vLLM's classification API:
// POST {server}/classify {model, input: [texts]} -> data[] of {label, probs}. The last class is
// the malicious one (Prompt Guard 2: [benign, malicious]); it counts at the threshold.
import type { ClassifierConfig } from '../../snapshot/schema.ts';
import { type Ask, ClassifierError, isObject, postJson, subject, urlFor, verdict } from './classifier.ts';

export function promptGuard(config: ClassifierConfig): Ask {
  const url = urlFor(config, '/classify', false);
  return async (texts, phase, signal) => {
    const body = await postJson(config, url, { model: config.model, input: subject(texts, phase) }, signal);
    if (!Array.isArray(body?.data)) throw new ClassifierError('no data in the classification answer');
    for (const d of body.data) {
      if (!isObject(d) || !Array.isArray(d.probs) || d.probs.length < 2)
        throw new ClassifierError('a classification without probs');
      const malicious = Number(d.probs.at(-1));
      if (malicious >= config.threshold)
        return verdict([typeof d.label === 'string' ? d.label : 'malicious']);
    }
    return verdict([]);
  };
}
