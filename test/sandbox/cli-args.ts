/** Parses `npm run sandbox` flags into SandboxOptions. */
import type { SandboxOptions } from './options';

/** The usage text. */
export const USAGE = `Usage: npm run sandbox -- [options]
  --repo-port N        repo server port (default 8080)
  --token-port N       token server port (default 5001)
  --auth MODE          bearer | basic | anonymous-get | none (default bearer)
  --anonymous-get      same as --auth anonymous-get
  --dialects LIST      token dialects to accept, e.g. A,B,C (default A)
  --depth N            namespace depth 0, 1 or 2 (default 2)
  --public-host NAME   host name in the challenge (default localhost)
  --storage DIR        keep charts in DIR (default: a temp dir removed on exit)
  --no-seed            start with no charts
  --kid                put the libtrust key id in token headers
  --issuer S / --audience S   add iss / aud claims
  --lifetime SECONDS   token lifetime (default 300)
  --oci                also run an OCI registry (Debian's docker-registry) on --oci-port that trusts
                       the token server (dialects B and C), seeded with two charts in charts/
  --oci-port N         the registry's port (default 5002)`;

function numberFlag(name: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 0) throw new Error(`${name} needs a whole number.`);
  return n;
}

function valueOf(args: string[], i: number, name: string): string {
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value.`);
  return value;
}

/** Parses the flags; throws Error with a user-facing message on a bad flag. */
export function parseSandboxArgs(args: string[]): SandboxOptions & { help?: boolean } {
  const out: SandboxOptions & { help?: boolean } = { repoPort: 8080, tokenPort: 5001 };
  for (let i = 0; i < args.length; i += 1) {
    const flag = args[i] ?? '';
    const takes = () => valueOf(args, i++, flag);
    switch (flag) {
      case '--help': case '-h': out.help = true; break;
      case '--repo-port': out.repoPort = numberFlag(flag, takes()); break;
      case '--token-port': out.tokenPort = numberFlag(flag, takes()); break;
      case '--auth': {
        const mode = takes();
        if (mode !== 'bearer' && mode !== 'basic' && mode !== 'anonymous-get' && mode !== 'none') throw new Error(`Unknown --auth mode "${mode}".`);
        out.auth = mode;
        break;
      }
      case '--anonymous-get': out.auth = 'anonymous-get'; break;
      case '--dialects': {
        const list = takes().toUpperCase().split(',').map((d) => d.trim()).filter(Boolean);
        if (list.length === 0 || list.some((d) => d !== 'A' && d !== 'B' && d !== 'C')) throw new Error('--dialects takes a list of A, B and C.');
        out.dialects = list as Array<'A' | 'B' | 'C'>;
        break;
      }
      case '--depth': {
        const depth = numberFlag(flag, takes());
        if (depth > 2) throw new Error('--depth must be 0, 1 or 2.');
        out.depth = depth as 0 | 1 | 2;
        break;
      }
      case '--public-host': out.publicHost = takes(); break;
      case '--storage': out.storageDir = takes(); break;
      case '--no-seed': out.seed = false; break;
      case '--kid': out.includeKid = true; break;
      case '--issuer': out.issuer = takes(); break;
      case '--audience': out.audience = takes(); break;
      case '--lifetime': out.tokenLifetimeSeconds = numberFlag(flag, takes()); break;
      case '--oci': out.oci = true; out.ociPort ??= 5002; break;
      case '--oci-port': out.ociPort = numberFlag(flag, takes()); break;
      default: throw new Error(`Unknown option "${flag}".`);
    }
  }
  return out;
}
