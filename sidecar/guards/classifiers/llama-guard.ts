// Llama Guard served OpenAI-compatibly (vLLM, KServe, Ollama): the conversation goes to the chat
// endpoint; the model answers "safe" or "unsafe" and, on the next line, the violated categories
// (S1..S14). For a completion the prompt goes first as the user turn, the completion as the
// assistant's, so the model judges the answer in its context.
import type { ClassifierConfig } from '../../snapshot/schema.ts';
import { type Ask, ClassifierError, postJson, urlFor, verdict } from './classifier.ts';

export function llamaGuard(config: ClassifierConfig): Ask {
  const url = urlFor(config, '/chat/completions');
  const wanted = config.categories?.map((c) => c.toUpperCase());
  return async (texts, phase, signal) => {
    const messages =
      phase === 'response' && texts.length > 1
        ? [
            { role: 'user', content: texts.slice(0, -1).join('\n') },
            { role: 'assistant', content: texts.at(-1) },
          ]
        : [{ role: 'user', content: texts.join('\n') }];
    const body = await postJson(
      config,
      url,
      { model: config.model, messages, max_tokens: 20, temperature: 0 },
      signal,
    );
    const answer = body?.choices?.[0]?.message?.content;
    if (typeof answer !== 'string') throw new ClassifierError('no answer from the guard model');
    const [first, second = ''] = answer.trim().split(/\s*\n\s*/);
    const label = first?.toLowerCase();
    if (label === 'safe') return verdict([]);
    if (label !== 'unsafe') throw new ClassifierError('the guard model answered neither safe nor unsafe');
    const categories = second
      .split(',')
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean);
    const counting = wanted
      ? categories.filter((c) => wanted.includes(c))
      : categories.length > 0
        ? categories
        : ['unsafe'];
    return verdict(counting);
  };
}
