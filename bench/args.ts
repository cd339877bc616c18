/** Command-line options of `npm run bench`. */

/** What a bench run measures and how. */
export interface BenchOptions {
  /** Size of the generated index in MB (default 20; CI uses a small one). */
  mb: number;
  /** Fresh-process rounds per input; medians are reported. */
  rounds: number;
  /** Exit with status 1 when the generated index misses a target. */
  check: boolean;
  /** Also write the results as JSON to this file. */
  jsonOut: string | undefined;
  /** Only inputs whose name contains this text (the generated index is always measured). */
  only: string | undefined;
  /** Skip the real files (measure only the generated index). */
  bigOnly: boolean;
  /** Run the UI part (browser mode in Chromium); `--no-ui` turns it off. */
  ui: boolean;
  /** Run only the UI part (`--ui-only`). */
  uiOnly: boolean;
}

/** Parses process arguments; throws a message for unknown or malformed options. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { mb: 20, rounds: 5, check: false, jsonOut: undefined, only: undefined, bigOnly: false, ui: true, uiOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--mb') options.mb = positive(value(), '--mb');
    else if (arg === '--rounds') options.rounds = Math.max(1, Math.round(positive(value(), '--rounds')));
    else if (arg === '--check') options.check = true;
    else if (arg === '--json') options.jsonOut = value();
    else if (arg === '--only') options.only = value();
    else if (arg === '--big-only') options.bigOnly = true;
    else if (arg === '--no-ui') options.ui = false;
    else if (arg === '--ui-only') options.uiOnly = true;
    else throw new Error(`unknown option ${arg} (use --mb N, --rounds N, --check, --json FILE, --only TEXT, --big-only, --ui-only, --no-ui)`);
  }
  if (options.uiOnly && !options.ui) throw new Error('--ui-only and --no-ui leave nothing to run');
  return options;
}

function positive(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number`);
  return n;
}
