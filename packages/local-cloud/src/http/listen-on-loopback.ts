import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListeningServer {
  /** e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Stops accepting requests and closes open connections; idempotent. */
  close(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Starts a local-cloud endpoint on a loopback address only: the stand-ins check no signatures, so they
 * must never be reachable from another machine. Port 0 picks a free port; read it from `url`.
 */
export async function listenOnLoopback(
  server: Server,
  options: { what: string; host?: string; port?: number },
): Promise<ListeningServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) {
    throw new Error(`the ${options.what} binds to loopback only (it checks no signatures); got host ${host}`);
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${address.port}`,
    close: () => {
      closed ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections from SDK clients would hold close() open until they time out.
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
