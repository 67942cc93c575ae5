// classify: the rule's classifier guards (moderation, Llama Guard, Prompt Guard, Azure AI Content
// Safety, Presidio, a webhook). The prompt is checked before it goes upstream (all classifiers at
// once); a whole completion after it comes back; a streamed completion in windows of
// streamWindow characters, each held back until its verdict (the previous window's tail and the
// prompt go along as context), so nothing flagged reaches the app. A classifier that gives no
// verdict in time is decided by its failurePolicy.
import type { ClassifierGuard, Outcome, Phase } from '../guards/classifiers/index.ts';
import { completionTexts, promptTexts } from '../guards/index.ts';
import type { Call } from './call.ts';
import { CallError } from './errors.ts';
import { chunkStream } from './response-stream.ts';
import { rulePolicy } from './rule-state.ts';
import type { Step } from './step.ts';

type Json = Record<string, any>;

/** Characters of earlier completion text sent along with a stream window. */
const CONTEXT = 200;

/** Records the verdict; returns the error that stops the call, if any. */
function decide(call: Call, c: ClassifierGuard, outcome: Outcome, phase: Phase): CallError | undefined {
  const { name, action, failurePolicy } = c.config;
  call.guardActions ??= [];
  if ('failed' in outcome) {
    const closed = failurePolicy === 'FailClosed';
    call.guardActions.push({
      guard: name,
      action: closed ? 'block' : 'log',
      phase,
      kinds: ['unavailable'],
      count: 1,
    });
    call.log.warn(
      { guard: name, phase, reason: outcome.failed, failurePolicy },
      'classifier gave no verdict',
    );
    if (!closed) return undefined;
    return new CallError(
      503,
      `guard ${name} could not check the ${phase === 'request' ? 'prompt' : 'completion'} (${outcome.failed}); its failurePolicy is FailClosed`,
      'policy_violation',
      'guard_unavailable',
      1000,
    );
  }
  const { verdict } = outcome;
  if (!verdict.flagged) return undefined;
  call.guardActions.push({ guard: name, action, phase, kinds: verdict.categories, count: 1 });
  call.log.info({ guard: name, action, phase, kinds: verdict.categories, cached: outcome.cached }, 'guard');
  if (action !== 'block') return undefined;
  const what = phase === 'request' ? 'request' : 'response';
  return new CallError(
    403,
    `${what} blocked by guard ${name}: ${verdict.categories.join(', ')}`,
    'policy_violation',
    'guard_blocked',
  );
}

/** Every classifier for the phase at once; the first refusal (in configured order) wins. */
async function checkAll(call: Call, list: ClassifierGuard[], texts: string[], phase: Phase) {
  const outcomes = await Promise.all(list.map((c) => c.check(texts, phase, call.signal)));
  let refusal: CallError | undefined;
  outcomes.forEach((o, i) => {
    const err = decide(call, list[i]!, o, phase);
    refusal ??= err;
  });
  return refusal;
}

/** The text a chunk adds (content and tool-call arguments of every choice). */
function textOf(chunk: Json): string {
  let text = '';
  for (const choice of Array.isArray(chunk.choices) ? chunk.choices : []) {
    const d = choice?.delta ?? choice;
    if (typeof d?.content === 'string') text += d.content;
    if (typeof choice?.text === 'string') text += choice.text;
    for (const tc of Array.isArray(d?.tool_calls) ? d.tool_calls : [])
      if (typeof tc?.function?.arguments === 'string') text += tc.function.arguments;
  }
  return text;
}

const blockedChunk = (err: CallError): Json => ({
  error: { message: err.message, type: err.type, code: err.code },
});

async function* moderated(
  call: Call,
  list: ClassifierGuard[],
  prompt: string,
  source: AsyncIterable<Json>,
): AsyncGenerator<Json> {
  const window = Math.min(...list.map((c) => c.config.streamWindow));
  let held: Json[] = [];
  let pending = '';
  let context = '';
  const verdict = async () => {
    const refusal = await checkAll(call, list, [prompt, context + pending], 'response');
    context = (context + pending).slice(-CONTEXT);
    pending = '';
    return refusal;
  };
  for await (const chunk of source) {
    held.push(chunk);
    pending += textOf(chunk);
    if (pending.length < window && !chunk.error) continue;
    const refusal = pending === '' ? undefined : await verdict();
    if (refusal) {
      yield blockedChunk(refusal);
      return;
    }
    yield* held;
    held = [];
    if (chunk.error) return;
  }
  if (pending !== '') {
    const refusal = await verdict();
    if (refusal) {
      yield blockedChunk(refusal);
      return;
    }
  }
  yield* held;
}

export function createClassifyStep(): Step {
  return async (call, next) => {
    const all = call.rule ? rulePolicy(call.rule).classifiers : [];
    if (all.length === 0 || !call.body) return next();
    const texts = promptTexts(call.body, call.operation);

    const onRequest = all.filter((c) => c.applies('request'));
    if (onRequest.length > 0 && texts.length > 0) {
      const refusal = await checkAll(call, onRequest, texts, 'request');
      if (refusal) throw refusal;
    }

    await next();

    const onResponse = all.filter((c) => c.applies('response'));
    const result = call.result;
    if (onResponse.length === 0 || !result || result.status >= 300) return;
    // The prompt the answer replies to: its last text, as the judge's context.
    const prompt = texts.at(-1) ?? '';
    if (result.kind === 'json') {
      const answer = completionTexts(result.body).join('\n');
      if (answer === '') return;
      const refusal = await checkAll(call, onResponse, [prompt, answer], 'response');
      if (refusal) throw refusal;
    } else if (result.kind === 'stream') {
      const source = result.stream.chunks();
      call.result = { ...result, stream: chunkStream(moderated(call, onResponse, prompt, source)) };
    }
  };
}
