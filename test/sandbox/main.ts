/** `npm run sandbox`: runs the repo and token servers on the seed's ports until Ctrl+C. */
import path from 'node:path';
import { parseSandboxArgs, USAGE } from './cli-args';
import { resolveOptions } from './config';
import { startSandbox } from './index';
import { findSharedData } from './shared-data';
import { walkthrough } from './walkthrough';

async function main(): Promise<void> {
  const args = parseSandboxArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // dist/sandbox.cjs lives in <project>/dist: ../shared/data is found walking up from there.
  const script = process.argv[1] ? path.dirname(path.resolve(process.argv[1])) : process.cwd();
  const options = { ...args, sharedDataDir: findSharedData([script, process.cwd()]) };
  const sandbox = await startSandbox(options);
  process.stdout.write(`${walkthrough(resolveOptions(options), sandbox)}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  const message = code === 'EADDRINUSE' ? 'A port is already in use: pick others with --repo-port, --token-port and --oci-port.' : (error as Error).message;
  process.stderr.write(`sandbox: ${message}\n`);
  process.exit(code === undefined ? 2 : 1);
});
