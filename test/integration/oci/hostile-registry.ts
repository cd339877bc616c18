/**
 * A registry on loopback that answers whatever a test scripts: wrong digests, huge declared sizes,
 * endless or foreign pagination links, HTML pages, challenges with foreign realms. Only for the
 * hostile cases Docker distribution itself never produces.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A scripted answer: status, headers and a body (a Buffer, or a generator of chunks for bodies too big to hold). */
export interface Scripted {
  status?: number;
  headers?: Record<string, string>;
  body?: Buffer | string | (() => Iterable<Buffer>);
}

/** Answers a request (path with query) or undefined for 404. */
export type Script = (path: string, req: http.IncomingMessage) => Scripted | undefined;

/** A running hostile registry. */
export interface HostileRegistry {
  url: string;
  host: string;
  /** Every path asked, in order. */
  seen: string[];
  script: Script;
  close(): Promise<void>;
}

/** `sha256:<hex>` of bytes. */
export const digestOf = (bytes: Buffer | string) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** A Helm manifest pointing at a config and a chart layer of the given sizes. */
export function helmManifest(config: { digest: string; size: number }, chart: { digest: string; size: number }): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      config: { mediaType: 'application/vnd.cncf.helm.config.v1+json', ...config },
      layers: [{ mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', ...chart }],
    }),
  );
}

/** Starts the server on 127.0.0.1. */
export async function startHostileRegistry(script: Script): Promise<HostileRegistry> {
  const state: HostileRegistry = { url: '', host: '', seen: [], script, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    state.seen.push(`${req.method} ${path}`);
    req.resume();
    const answer = state.script(path, req) ?? (path === '/v2/' ? { status: 200, body: '{}' } : { status: 404, headers: { 'content-type': 'application/json' }, body: '{"errors":[{"code":"NAME_UNKNOWN","message":"no such repository"}]}' });
    res.writeHead(answer.status ?? 200, { 'docker-distribution-api-version': 'registry/2.0', ...answer.headers });
    const body = answer.body;
    if (typeof body === 'function') {
      const chunks = body()[Symbol.iterator]();
      const pump = () => {
        for (;;) {
          const next = chunks.next();
          if (next.done) return res.end();
          if (!res.write(next.value)) return res.once('drain', pump);
        }
      };
      res.on('error', () => undefined);
      pump();
    } else res.end(body ?? '');
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}`;
  state.host = `127.0.0.1:${port}`;
  state.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
