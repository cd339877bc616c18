/**
 * A static chart repo on loopback for the UI benchmark, as GitHub Pages or S3 serve one: the index
 * with a strong ETag (If-None-Match answered 304 Not Modified) and real chart packages beside it.
 * Counts what it answered, so the benchmark can tell that a Refresh was a 304.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server answered so far. */
export interface RepoServerCounts {
  index200: number;
  index304: number;
  packages: number;
}

/** A running chart repo. */
export interface ChartRepoServer {
  /** The repo URL to add in the app (the folder that holds index.yaml). */
  url: string;
  counts(): RepoServerCounts;
  close(): Promise<void>;
}

/** True when an If-None-Match header names `etag` (or is `*`); weak comparison, as for GET. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === etag);
}

/**
 * Serves `indexFile` at <url>/index.yaml and each of `packages` (a path relative to the repo folder,
 * as the index's relative URLs name them, mapped to a file) beside it; 404 for anything else.
 */
export async function startChartRepo(indexFile: string, packages: ReadonlyMap<string, string>): Promise<ChartRepoServer> {
  const index = readFileSync(indexFile);
  const etag = `"${createHash('sha256').update(index).digest('hex').slice(0, 32)}"`;
  const files = new Map([...packages].map(([relative, file]) => [`/repo/${relative}`, readFileSync(file)]));
  const counts: RepoServerCounts = { index200: 0, index304: 0, packages: 0 };
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://loopback').pathname;
    if (pathname === '/repo/index.yaml') {
      if (matches(req.headers['if-none-match'], etag)) {
        counts.index304++;
        return void res.writeHead(304, { etag }).end();
      }
      counts.index200++;
      return void res.writeHead(200, { 'content-type': 'application/x-yaml', 'content-length': String(index.length), etag }).end(index);
    }
    const body = files.get(pathname);
    if (!body) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    counts.packages++;
    res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': String(body.length) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/repo`,
    counts: () => ({ ...counts }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
