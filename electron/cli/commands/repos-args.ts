/** A small flag parser for `chartdesk repos …`: positionals, `--flag value`, `--flag=value` and switches. */
import { UsageError } from '../command';
import { unknownOptionMessage } from '../option-hint';

/** Parsed arguments. */
export interface ParsedArgs {
  positionals: string[];
  values: Map<string, string>;
  switches: Set<string>;
}

/** Parses `argv`; `valueFlags` take a value, `switchFlags` do not; anything else is a usage error. */
export function parseArgs(argv: readonly string[], valueFlags: readonly string[], switchFlags: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], values: new Map(), switches: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if (switchFlags.includes(name) && eq < 0) {
      parsed.switches.add(name);
    } else if (valueFlags.includes(name)) {
      const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value.`);
      parsed.values.set(name, value);
    } else {
      throw new UsageError(`${unknownOptionMessage(`--${name}`, [...valueFlags, ...switchFlags])}.`);
    }
  }
  return parsed;
}

/** The secret piped on stdin, without the final line break `echo` adds. */
export function secretFromStdin(text: string): string | undefined {
  const secret = text.replace(/\r?\n$/, '');
  return secret === '' ? undefined : secret;
}
