// The operator's own servers (push, webhook, admin): listening, closing, and what the TLS ones offer.
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo, Server } from 'node:net';

/** A server on the operator's certificate (push, webhook): it follows the certificate's rotation. */
export interface TlsServer<S> {
  listen(port: number, host?: string): Promise<number>;
  /** Serves new connections with this certificate and key from now on. */
  setTls(tls: { cert: string; key: string }): void;
  close(): Promise<void>;
  readonly server: S;
}

/** Listens on `port` (0: any free one); resolves with the port bound, rejects when it cannot listen. */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops accepting and drops every open connection at once; resolves when the server has closed. */
export function closeNow(server: HttpServer): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
