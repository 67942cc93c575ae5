// Listening for the sidecar's servers (app, admin, gateway): resolves with the bound port, rejects
// on a bind error instead of crashing later. Also what PEM options accept: inline or a file path.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:net';

/**
 * `backlog`: connections the kernel completes before the process accepts them (Node's default
 * 511; the kernel caps it at net.core.somaxconn). A burst beyond it has its SYNs dropped and
 * retried by the client 1, 3, 7... s later: a connection cap should be reachable in one burst.
 */
export function listen(server: Server, port: number, host: string, backlog = 511): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, backlog }, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** A PEM bundle given inline or as a file. */
export const pemOf = (value: string): string =>
  value.includes('-----BEGIN') ? value : readFileSync(value, 'utf8');
