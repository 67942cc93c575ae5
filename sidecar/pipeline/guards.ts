// guards: the rule's guard set on the prompt before it goes upstream (block, or mask in place), and
// on the completion on its way back: whole bodies, and streams chunk by chunk with a small
// holdback so a value split across chunks is still caught, never buffering the stream.
// A Responses call is checked as the app sent it (instructions, input items), so a native provider
// gets the masked request; its chat translation is redone from it.
// Blocks: 400 for maxPromptTokens (the request is too big), 403 for content policy; the message
// names the guard and the kind of content, never the matched text.
import type { Finding } from '../guards/index.ts';
import { responsesChat } from '../providers/openai/responses.ts';
import type { Call, GuardRecord } from './call.ts';
import { CallError } from './errors.ts';
import { offloadedVerdict } from './large-body.ts';
import { chunkStream } from './response-stream.ts';
import { promptTokensAtMost, promptTokensOf, rulePolicy } from './rule-state.ts';
import type { Step } from './step.ts';

function record(call: Call, f: Finding): void {
  const r: GuardRecord = {
    guard: f.guard,
    action: f.action,
    phase: f.direction,
    kinds: f.kinds,
    count: f.count,
  };
  call.guardActions ??= [];
  call.guardActions.push(r);
  if (f.action !== 'mask')
    call.log.info(
      { guard: f.guard, action: f.action, phase: f.direction, kinds: f.kinds, count: f.count },
      'guard',
    );
}

function blocked(f: Finding): CallError {
  const status = f.status ?? 403;
  const type = status === 400 ? 'invalid_request_error' : 'policy_violation';
  const code = status === 400 ? 'prompt_too_long' : 'guard_blocked';
  return new CallError(status, f.message ?? `blocked by guard ${f.guard}`, type, code);
}

export function createGuardsStep(): Step {
  return async (call, next) => {
    const set = call.rule ? rulePolicy(call.rule).guards : undefined;
    if (!set || !call.hasBody) return next();

    const responses = call.responses;
    const verdict =
      offloadedVerdict(set, call) ??
      set.checkRequest(
        responses?.request ?? call.body!,
        call.operation,
        () => promptTokensOf(call),
        () => promptTokensAtMost(call),
      );
    for (const f of verdict.findings) record(call, f);
    if (verdict.block) throw blocked(verdict.block);
    if (verdict.changed) {
      call.unchangedBody = undefined;
      if (responses) call.body = responsesChat(responses.request, responses.previous?.history).chat;
    }

    await next();

    const result = call.result;
    if (!set.inspectsResponses || !result || result.status >= 300) return;
    if (result.kind === 'json') {
      const v = set.checkResponse(result.body);
      for (const f of v.findings) record(call, f);
      if (v.block) throw blocked(v.block);
      if (v.changed) result.raw = undefined;
    } else if (result.kind === 'stream') {
      const source = result.stream.chunks();
      call.result = { ...result, stream: chunkStream(set.checkStream(source, (f) => record(call, f))) };
    }
  };
}
