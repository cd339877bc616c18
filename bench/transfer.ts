/**
 * The transfer benchmark: the generated index served from loopback as is and gzip-compressed (as a
 * server with gzip on sends it), opened by the app's chart services in a fresh process each round.
 * Reports bytes on the wire and time to the first rows of the chart list.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { ChildResult } from './child';
import type { TargetCheck } from './report';
import { measureInChildAsync } from './spawn';

/** One way of serving the index: its median time to first rows and its bytes on the wire. */
export interface TransferRun {
  ms: number;
  wireBytes: number;
  indexBytes: number;
  error?: string;
}

/** Plain against gzip. */
export interface TransferResult {
  plain: TransferRun;
  gzip: TransferRun;
  rounds: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
}

/** Serves `file` at /plain/index.yaml and /gzip/index.yaml (gzip when asked); counts the body bytes sent. */
async function serve(file: string): Promise<{ origin: string; sent: Map<string, number>; close: () => Promise<void>; gzipped: number; size: number }> {
  const body = readFileSync(file);
  const gzipped = gzipSync(body);
  const sent = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const compress = req.url === '/gzip/index.yaml' && String(req.headers['accept-encoding'] ?? '').includes('gzip');
    const payload = compress ? gzipped : body;
    if (req.url !== '/plain/index.yaml' && req.url !== '/gzip/index.yaml') return void res.writeHead(404).end();
    sent.set(req.url, payload.length);
    res.writeHead(200, { 'content-type': 'application/x-yaml', 'content-length': String(payload.length), ...(compress ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}) });
    res.end(payload);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, sent, gzipped: gzipped.length, size: body.length, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Measures both ways `rounds` times, interleaved. */
export async function measureTransfer(file: string, rounds: number): Promise<TransferResult> {
  const server = await serve(file);
  const times: Record<'plain' | 'gzip', number[]> = { plain: [], gzip: [] };
  const errors: Partial<Record<'plain' | 'gzip', string>> = {};
  try {
    for (let r = 0; r < rounds; r++) {
      for (const way of ['plain', 'gzip'] as const) {
        const result: ChildResult = await measureInChildAsync('fetch', `${server.origin}/${way}`);
        if (result.error !== undefined) errors[way] = result.error;
        else times[way].push(result.ms);
      }
    }
  } finally {
    await server.close();
  }
  const run = (way: 'plain' | 'gzip'): TransferRun => ({
    ms: median(times[way]),
    wireBytes: server.sent.get(`/${way}/index.yaml`) ?? NaN,
    indexBytes: server.size,
    ...(errors[way] ? { error: errors[way] } : {}),
  });
  return { plain: run('plain'), gzip: run('gzip'), rounds };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

/** The section of the report. */
export function transferReport(result: TransferResult): string {
  const line = (name: string, run: TransferRun) =>
    run.error ? `  ${name.padEnd(6)} FAILED: ${run.error}` : `  ${name.padEnd(6)} ${mb(run.wireBytes).padStart(9)} on the wire, first rows in ${run.ms.toFixed(0)} ms`;
  return [`Transfer: the ${mb(result.plain.indexBytes)} index from a loopback server, opened by the chart services (download, decode, worker parse, first 100 rows); medians of ${result.rounds} fresh-process runs:`, line('plain', result.plain), line('gzip', result.gzip)].join('\n');
}

/** Time noise allowed by "no slower": timers and scheduling on a shared machine vary by a few percent. */
const NOISE = 1.05;

/** The transfer targets. */
export function transferChecks(result: TransferResult): TargetCheck[] {
  const { plain, gzip } = result;
  const ratio = plain.wireBytes / gzip.wireBytes;
  const slower = gzip.ms / plain.ms;
  return [
    { target: '≥ 8× fewer bytes on the wire with gzip', value: `${ratio.toFixed(1)}× (${mb(gzip.wireBytes)} vs ${mb(plain.wireBytes)})`, met: ratio >= 8 },
    { target: `no slower to first rows with gzip on loopback (≤ ${NOISE}× for timer noise)`, value: `${slower.toFixed(2)}× (${gzip.ms.toFixed(0)} vs ${plain.ms.toFixed(0)} ms)`, met: slower <= NOISE },
  ];
}
