// Amazon Bedrock Runtime: chat via Converse / ConverseStream (AWS event-stream framing), every
// request signed with SigV4 (service "bedrock") from the provider's AWS credentials.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { retryAfterMs } from '../../resilience/backoff.ts';
import type { ProviderConfig } from '../../snapshot/schema.ts';
import type { Adapter, AdapterCall, StreamTranslator, UpstreamRequest } from '../adapter.ts';
import { errorMessage, parseBody, readErrorBody, upstreamError } from '../shared/errors.ts';
import { EventTooLargeError } from '../sse.ts';
import { createMessageSplitter } from './eventstream.ts';
import {
  converseResponseToOpenAI,
  converseStreamToOpenAI,
  openAIRequestToConverse,
  usageFromConverse,
} from './translate.ts';

type Json = Record<string, any>;
type Headers = Record<string, string | string[] | undefined>;

const CONTEXT_LENGTH =
  /input is too long|too many (input )?tokens|prompt is too long|maximum context length|context (length|window)|exceeds? (the )?(max(imum)? )?context/i;

/** Error types (x-amzn-errortype / :exception-type) and the resilience class they belong to. */
const THROTTLED = /^(throttling|servicequotaexceeded|modelnotready)exception$/i;

function header(headers: Headers, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function regionOf(p: ProviderConfig): string {
  return (
    p.region ?? /bedrock-runtime(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com/.exec(p.endpoint)?.[1] ?? 'us-east-1'
  );
}

// One signer per provider config: snapshots are immutable, so the WeakMap follows their lifetime.
const signers = new WeakMap<ProviderConfig, SignatureV4>();

function signerFor(p: ProviderConfig): SignatureV4 {
  let s = signers.get(p);
  if (s) return s;
  const c = p.credentials;
  if (!c?.accessKeyId || !c.secretAccessKey) {
    throw Object.assign(new Error(`provider ${p.id}: Bedrock needs accessKeyId and secretAccessKey`), {
      status: 500,
      type: 'configuration_error',
    });
  }
  const credentials = {
    accessKeyId: c.accessKeyId,
    secretAccessKey: c.secretAccessKey,
    sessionToken: c.sessionToken,
  };
  s = new SignatureV4({ credentials, region: regionOf(p), service: 'bedrock', sha256: Sha256 });
  signers.set(p, s);
  return s;
}

/** The request signed with SigV4 from the provider's AWS credentials (host signed, sent from the URL). */
export async function signBedrockRequest(
  provider: ProviderConfig,
  request: UpstreamRequest & { body: string | Buffer },
): Promise<UpstreamRequest> {
  const url = new URL(request.url);
  const signed = await signerFor(provider).sign({
    method: request.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: { ...request.headers, host: url.host },
    body: request.body,
  });
  // host was signed; the HTTP client sends the same value from the URL itself.
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(signed.headers)) if (k !== 'host') headers[k] = v;
  return { ...request, url: url.toString(), headers };
}

function stream(call: AdapterCall): StreamTranslator {
  const frames = createMessageSplitter({ maxMessageBytes: call.maxEventBytes });
  const conv = converseStreamToOpenAI({ model: call.model });
  const decoder = new TextDecoder();
  let failed = false;
  const fail = (message: string): Json[] => {
    failed = true;
    return [{ error: { message, type: 'upstream_error' } }];
  };
  return {
    push(bytes) {
      if (failed) return [];
      let messages: ReturnType<typeof frames.push>;
      try {
        messages = frames.push(bytes);
      } catch (e) {
        if (e instanceof EventTooLargeError) throw e; // the sidecar's limit, not corruption
        return fail(`upstream sent a corrupt event-stream message: ${(e as Error).message}`);
      }
      const out: Json[] = [];
      for (const m of messages) {
        const kind = m.headers[':message-type'];
        let payload: Json = {};
        try {
          if (m.body.length > 0) payload = JSON.parse(decoder.decode(m.body));
        } catch {
          for (const c of fail('upstream sent invalid JSON in its stream')) out.push(c);
          break;
        }
        const chunks =
          kind === 'exception'
            ? conv.exception(
                String(m.headers[':exception-type'] ?? 'exception'),
                payload.message ?? payload.Message,
              )
            : kind === 'error'
              ? conv.exception(
                  String(m.headers[':error-code'] ?? 'error'),
                  String(m.headers[':error-message'] ?? ''),
                )
              : conv.push(String(m.headers[':event-type'] ?? ''), payload);
        for (const c of chunks) out.push(c);
      }
      return out;
    },
    end() {
      if (failed) return [];
      return conv.end();
    },
  };
}

export const bedrockAdapter: Adapter = {
  type: 'bedrock',
  genAiProvider: 'aws.bedrock',
  supports: (operation) => operation === 'chat',

  async request(call, provider) {
    const base = provider.endpoint.replace(/\/+$/, '');
    // Model ids hold ':' and inference-profile ARNs '/': both are escaped in the path.
    const url = `${base}/model/${encodeURIComponent(call.model)}/${call.stream ? 'converse-stream' : 'converse'}`;
    const request = {
      url,
      method: 'POST' as const,
      headers: {
        ...provider.headers,
        'content-type': 'application/json',
        accept: call.stream ? 'application/vnd.amazon.eventstream' : 'application/json',
      },
      body: JSON.stringify(openAIRequestToConverse(call.body ?? {})),
    };
    // Gateway credential mode: the egress gateway holds the AWS keys and signs (sidecar/gateway).
    return provider.gateway ? request : signBedrockRequest(provider, request);
  },

  response(call, _status, body) {
    const json = parseBody(body);
    return {
      body: converseResponseToOpenAI(json, call.model),
      contentType: 'application/json',
      usage: usageFromConverse(json.usage),
    };
  },

  stream,

  error(status, body, headers) {
    const e: Json = readErrorBody(body) ?? {};
    // "ThrottlingException:http://internal.amazon.com/..." or "com.amazon.bedrock#ThrottlingException".
    const rawType = String(header(headers, 'x-amzn-errortype') ?? e.__type ?? '');
    const type = rawType.split(':')[0].split('#').pop() ?? '';
    const message = errorMessage(e.message ?? e.Message, status);
    return upstreamError({
      // ModelErrorException is a 424: to the app it is a bad gateway.
      status: status >= 400 && status !== 424 ? status : 502,
      message,
      type: type || (status >= 500 ? 'api_error' : 'invalid_request_error'),
      code: type || undefined,
      throttled: status === 429 || THROTTLED.test(type),
      timedOut: status === 408 || type === 'ModelTimeoutException',
      serverError: status >= 500 || status < 400 || status === 424,
      contextLength: status === 400 && CONTEXT_LENGTH.test(message),
      retryAfterMs: retryAfterMs(headers),
    });
  },
};

export { bedrockAdapter as adapter };
