/** Tiny loopback servers for HTTP tests: each test states exactly how the server behaves. */
import http, { type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';

/** A running loopback server and what it received. */
export interface TestServer {
  url: string;
  origin: string;
  seen: IncomingMessage[];
  close(): Promise<void>;
}

async function listen(server: http.Server | https.Server, scheme: string, seen: IncomingMessage[]): Promise<TestServer> {
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `${scheme}://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Starts an http server on 127.0.0.1 with a random port. */
export function startHttp(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<TestServer> {
  const seen: IncomingMessage[] = [];
  const listener: RequestListener = (req, res) => {
    seen.push(req);
    handler(req, res);
  };
  return listen(http.createServer(listener), 'http', seen);
}

/** Starts a forward proxy: plain requests in absolute form and CONNECT tunnels; `seen` records both. */
export async function startProxy(): Promise<TestServer> {
  const seen: IncomingMessage[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req);
    const target = new URL(req.url ?? '');
    const upstream = http.request(target, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, client: import('node:net').Socket, head: Buffer) => {
    seen.push(req);
    const [host = '', port = '80'] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return listen(server, 'http', seen);
}

/** Starts an https server with the given key and certificate (and client-certificate options). */
export function startHttps(options: https.ServerOptions, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<TestServer> {
  const seen: IncomingMessage[] = [];
  return listen(
    https.createServer(options, (req, res) => {
      seen.push(req);
      handler(req, res);
    }),
    'https',
    seen,
  );
}
