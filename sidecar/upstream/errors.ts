// Failures below HTTP: the upstream could not be reached, answered too slowly, or the app left.
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
