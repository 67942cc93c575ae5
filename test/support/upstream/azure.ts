// Azure OpenAI: OpenAI's bodies under /openai/deployments/{deployment}/..., authenticated with
// an `api-key` header and versioned by the `api-version` query parameter. The handlers are
// OpenAI's (they add Azure's content-filter fields); only auth and errors live here.
import { makeError } from './http.ts';
import { openaiContextMessage, openaiErrorJson } from './openai.ts';
import type { Dialect, UpstreamError } from './types.ts';

/** Azure answers some errors in its own `{error: {code, message}}` shape. */
function azureErrorJson(err: UpstreamError): string {
  switch (err.kind) {
    case 'auth':
    case 'rate_limit':
      return JSON.stringify({ error: { code: String(err.status), message: err.message } });
    case 'not_found':
      return JSON.stringify({
        error: {
          code: err.message === 'Resource not found' ? '404' : 'DeploymentNotFound',
          message: err.message,
        },
      });
    default:
      return openaiErrorJson(err);
  }
}

export const azureDialect: Dialect = {
  name: 'azure-openai',
  requestIdHeader: 'x-request-id',
  authenticate(ctx) {
    if (!ctx.query.get('api-version')) return makeError(ctx, 'not_found', 'Resource not found');
    const key = ctx.req.headers['api-key'];
    const allowed = ctx.state.options.apiKeys;
    if (typeof key !== 'string' || !key || (allowed && !allowed.includes(key))) {
      return makeError(
        ctx,
        'auth',
        'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid ' +
          'key for an active subscription and use a correct regional API endpoint for your resource.',
      );
    }
    return undefined;
  },
  errorResponse: (err) => {
    let message = err.message;
    if (err.kind === 'rate_limit') {
      message =
        'Requests to the ChatCompletions_Create Operation under Azure OpenAI API have exceeded token rate ' +
        `limit of your current pricing tier. Please retry after ${err.retryAfter ?? 1} seconds.`;
    }
    if (err.kind === 'not_found' && message === 'Not found.') {
      message = 'The API deployment for this resource does not exist.';
    }
    return {
      status: err.status,
      headers: { 'content-type': 'application/json' },
      body: azureErrorJson({ ...err, message }),
    };
  },
  streamError: (err) => `data: ${openaiErrorJson(err)}\n\n`,
  contextLengthMessage: openaiContextMessage,
};
