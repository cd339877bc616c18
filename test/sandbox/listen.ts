/** Binds one request handler on 127.0.0.1 and, when the machine has it, on ::1 at the same port. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A handler bound to one or two loopback addresses. */
export interface Listening {
  port: number;
  close(): Promise<void>;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

function listenOne(handler: Handler, host: string, port: number): Promise<http.Server> {
  return new Promise((resolve, reject) => {
    const server = http.createServer(handler);
    server.keepAliveTimeout = 5_000;
    server.headersTimeout = 10_000;
    server.requestTimeout = 30_000;
    server.once('error', reject);
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

function closeOne(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Listens on `host:port` (port 0 = random); for 127.0.0.1 also on [::1] with the same port. */
export async function listenLoopback(handler: Handler, host: string, port: number): Promise<Listening> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const first = await listenOne(handler, host, port);
    const bound = (first.address() as AddressInfo).port;
    const servers = [first];
    if (host === '127.0.0.1') {
      try {
        servers.push(await listenOne(handler, '::1', bound));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE' && port === 0) {
          await closeOne(first);
          continue; // the random port is taken on ::1: try another one
        }
        if (code !== 'EADDRNOTAVAIL' && code !== 'EAFNOSUPPORT' && code !== 'EADDRINUSE') {
          await closeOne(first);
          throw error;
        }
      }
    }
    return { port: bound, close: async () => void (await Promise.all(servers.map(closeOne))) };
  }
  throw new Error('Could not find a port free on both 127.0.0.1 and ::1.');
}
