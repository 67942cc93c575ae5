// Azure AI Content Safety: POST {endpoint}/contentsafety/text:analyze?api-version=2024-09-01
// with the resource key in Ocp-Apim-Subscription-Key -> categoriesAnalysis[] of {category,
// severity}. Severities 0/2/4/6 read as scores 0, 0.33, 0.67, 1. One text per call (the service
// takes at most 10,000 characters), so texts are joined and cut into pieces of that size.
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

const MAX_TEXT = 10_000;

export function azureContentSafety(config: ClassifierConfig): Ask {
  const url = urlFor(config, '/contentsafety/text:analyze?api-version=2024-09-01', false);
  const auth: Record<string, string> = config.apiKey ? { 'ocp-apim-subscription-key': config.apiKey } : {};
  return async (texts, phase, signal) => {
    const all = subject(texts, phase).join('\n');
    const found = new Set<string>();
    for (let i = 0; i < all.length || i === 0; i += MAX_TEXT) {
      const body = await postJson(
        config,
        url,
        { text: all.slice(i, i + MAX_TEXT), outputType: 'FourSeverityLevels' },
        signal,
        auth,
      );
      if (!Array.isArray(body?.categoriesAnalysis))
        throw new ClassifierError('no categoriesAnalysis in the answer');
      const scores: Record<string, number> = {};
      for (const c of body.categoriesAnalysis)
        if (isObject(c) && typeof c.category === 'string') scores[c.category] = Number(c.severity ?? 0) / 6;
      for (const c of counted(config, scores)) found.add(c);
    }
    return verdict([...found]);
  };
}
