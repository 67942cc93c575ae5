// Failures below HTTP: the upstream could not be reached, answered too slowly or too much, or the
// exchange was ended on our side (the app left, the sidecar is shutting down).
import type { Failure } from '../snapshot/index.ts';

/** A network-level upstream failure, already classified for the resilience rules. */
export class TransportError extends Error {
  readonly failure: Extract<Failure, 'timeout' | 'connect-error'>;
  constructor(failure: Extract<Failure, 'timeout' | 'connect-error'>, message: string) {
    super(message);
    this.name = 'TransportError';
    this.failure = failure;
  }
}

/** The app closed its connection: stop working on its behalf. */
export class ClientGoneError extends Error {
  constructor() {
    super('client closed the connection');
    this.name = 'ClientGoneError';
  }
}

/** The sidecar's shutdown grace period is over: exchanges still open are ended. */
export class ShutdownError extends Error {
  constructor() {
    super('the sidecar is shutting down');
    this.name = 'ShutdownError';
  }
}

/**
 * The upstream broke the rules of its own answer: more bytes than the sidecar accepts, an event
 * past the event limit, a stream that is not what it claims. Not retried (the same request would
 * get the same answer); `code` is what the app and the audit line see.
 */
export class UpstreamAnswerError extends Error {
  readonly code: string;
  /** The app already received the upstream's own error event: record it, add nothing. */
  readonly relayed: boolean;
  constructor(code: string, message: string, relayed = false) {
    super(message);
    this.name = 'UpstreamAnswerError';
    this.code = code;
    this.relayed = relayed;
  }
}
