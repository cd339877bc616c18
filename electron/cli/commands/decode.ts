/** `chartdesk decode`: a JWT on stdin -> JSON; --key or --jwks also verifies it. */
import { readFile } from 'node:fs/promises';
import { ChartDeskError } from '../../core/errors';
import { decodeJwt } from '../../core/jwt/decode';
import { fetchJwks } from '../../core/jwt/jwks';
import { verifyJwt, type VerifyKey } from '../../core/jwt/verify';
import { UsageError, type CliCommand } from '../command';
import type { CliServices } from '../services';
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

/** The decode command, using the CLI's services (for --jwks). */
export function decodeCommand(services: CliServices): CliCommand {
  return {
    name: 'decode',
    summary: 'Decode a JWT from stdin (and verify it with --key or --jwks)',
    usage: [
      'Usage: chartdesk decode [--key FILE | --jwks URL] < token',
      '',
      'Prints {header, claims, issuedAt, expiresAt, expired} as JSON. With --key (a PEM public key',
      'or X.509 certificate) or --jwks (a JWKS URL) it also verifies the signature and times and adds',
      '"verified" and, when false, "reason". Exit 0 when decoded (and verified, if asked), 1 otherwise.',
    ].join('\n'),
    async run(io) {
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
          key = values.key !== undefined ? { pem: await readKeyFile(values.key) } : { jwks: await fetchJwks(services.flow(io.env).http, httpUrlArg(values.jwks, '--jwks').toString()) };
        } finally {
          await services.close();
        }
        const result = await verifyJwt(input, key, now);
        out.verified = result.verified;
        if (!result.verified) out.reason = result.reason;
        ok = result.verified;
      }
      io.stdout(`${JSON.stringify(out, null, 2)}\n`);
      return ok ? 0 : 1;
    },
  };
}
