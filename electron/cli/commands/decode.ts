/** `chartdesk decode`: a JWT on stdin -> JSON; --key or --jwks also verifies it. */
import { readFile } from 'node:fs/promises';
import { ChartDeskError } from '../../core/errors';
import { decodeJwt } from '../../core/jwt/decode';
import type { VerifyKey } from '../../core/jwt/verify';
import { UsageError, type CommandRunner } from '../command';
import { httpUrlArg, parseCommandArgs } from '../url-repo';

function iso(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}

async function readKeyFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new ChartDeskError('bad-request', 'key', `The key file ${file} cannot be read.`);
  }
}

/** Runs `chartdesk decode` (help: help/auth.ts). */
export const runDecode: CommandRunner = async (services, io) => {
  const { values, positionals } = parseCommandArgs(io.argv, { key: { type: 'string' }, jwks: { type: 'string' } });
  if (positionals.length) throw new UsageError('the token is read from stdin, not from arguments');
  if (values.key !== undefined && values.jwks !== undefined) throw new UsageError('give --key or --jwks, not both');
  const input = await io.readStdin();
  const now = Date.now();
  const decoded = decodeJwt(input, now);
  const out: Record<string, unknown> = { header: decoded.header, claims: decoded.claims, issuedAt: iso(decoded.issuedAt), expiresAt: iso(decoded.expiresAt), expired: decoded.expired };
  let ok = true;
  if (values.key !== undefined || values.jwks !== undefined) {
    let key: VerifyKey;
    try {
      key = values.key !== undefined ? { pem: await readKeyFile(values.key) } : { jwks: await (await import('../../core/jwt/jwks')).fetchJwks((await services.flow(io.env)).http, httpUrlArg(values.jwks, '--jwks').toString()) };
    } finally {
      await services.close();
    }
    const { verifyJwt } = await import('../../core/jwt/verify');
    const result = await verifyJwt(input, key, now);
    out.verified = result.verified;
    if (!result.verified) out.reason = result.reason;
    ok = result.verified;
  }
  io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  return ok ? 0 : 1;
};
