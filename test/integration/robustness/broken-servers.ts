/** A repo that challenges for a Bearer token and a token server that misbehaves as each test says. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startHttp, type TestServer } from '../../unit/http/servers';

/** The API key the tests use; it must never show up in an error, a trace or CLI output. */
export const API_KEY = 'api-key-5c1f0e9b7a';

/** How the token server answers; `res` is written by the behaviour. */
export type TokenBehaviour = (req: IncomingMessage, res: ServerResponse, origin: string) => void;

/** A repo + token server pair on loopback. */
export interface BrokenPair {
  repo: TestServer;
  token: TestServer;
  /** The index URL on the repo. */
  indexUrl: string;
  /** What the token server does from now on. */
  behave(next: TokenBehaviour): void;
  /** Bytes the repo server wrote into bodies so far (for the size-cap tests). */
  repoBytesSent(): number;
  /** What the repo answers a request carrying a Bearer token (default: a tiny index). */
  onAuthorized(next: (req: IncomingMessage, res: ServerResponse) => void): void;
  close(): Promise<void>;
}

const TINY_INDEX = 'apiVersion: v1\nentries: {}\ngenerated: "2024-01-01T00:00:00Z"\n';

/** Starts the pair; the repo challenges with realm=<token origin>/oauth/token until a Bearer token comes. */
export async function startBrokenPair(): Promise<BrokenPair> {
  let behaviour: TokenBehaviour = (_req, res) => res.end('{}');
  let authorized = (_req: IncomingMessage, res: ServerResponse): void => void res.end(TINY_INDEX);
  let sent = 0;
  const token = await startHttp((req, res) => behaviour(req, res, token.origin));
  const repo = await startHttp((req, res) => {
    const write = res.write.bind(res);
    res.write = ((chunk: Buffer | string, ...rest: unknown[]) => {
      sent += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof res.write;
    if (req.headers.authorization?.startsWith('Bearer ')) return authorized(req, res);
    res.writeHead(401, { 'www-authenticate': `Bearer realm="${token.origin}/oauth/token",service="broken",scope="artifact-repository:org1/repo1:pull"` }).end();
  });
  return {
    repo,
    token,
    indexUrl: `${repo.origin}/org1/repo1/index.yaml`,
    behave: (next) => (behaviour = next),
    onAuthorized: (next) => (authorized = next),
    repoBytesSent: () => sent,
    close: async () => {
      await repo.close();
      await token.close();
    },
  };
}

/** A stack trace as a careless server prints it, with the API key in it. */
export function stackTraceWith(secret: string): string {
  return `Traceback (most recent call last):\n  File "auth.py", line 42, in issue\n    verify(key="${secret}")\nKeyError: 'Bearer ${secret}' not in keys\n`;
}
