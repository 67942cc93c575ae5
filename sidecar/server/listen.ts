// Listening for the sidecar's servers (app, admin, gateway): resolves with the bound port, rejects
// on a bind error instead of crashing later. Also what PEM options accept: inline or a file path.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:net';

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** A PEM bundle given inline or as a file. */
export const pemOf = (value: string): string =>
  value.includes('-----BEGIN') ? value : readFileSync(value, 'utf8');
