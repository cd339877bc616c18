/** Entry point of the browser mode: `node dist/web.cjs [--port N] [--no-open]`. */
import os from 'node:os';
import path from 'node:path';
import { bootCore } from '../core/boot';
import { createStreamLogger } from '../core/log';
import { primeFirstScreen } from '../core/prime';
import { resolveDataDir } from '../core/paths';
import { hasDisplay, openInBrowser } from './open-browser';
import { startWebServer } from './server';

interface WebArgs {
  port: number;
  open: boolean;
}

function parseArgs(argv: string[]): WebArgs {
  const args: WebArgs = { port: 0, open: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-open') args.open = false;
    else if (arg === '--port') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`--port needs a number from 0 to 65535, not "${argv[i] ?? ''}".`);
      args.port = value;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write('Usage: chartdesk-web [--port N] [--no-open]\nServes ChartDesk on 127.0.0.1 for any browser.\n');
      process.exit(0);
    } else throw new Error(`Unknown option "${arg}". Try --help.`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = createStreamLogger();
  const core = await bootCore({ transport: 'browser', dataDir: resolveDataDir(process.env, process.platform, os.homedir()), log });
  // The repo list, settings and keychain status are read before the URL is printed, so the first page load does not wait for them.
  const [server] = await Promise.all([
    startWebServer({
      dispatcher: core.dispatcher,
      events: core.context.events,
      staticDir: path.join(__dirname, 'renderer'),
      port: args.port,
    }),
    primeFirstScreen(core.dispatcher),
  ]);
  process.stdout.write(`ChartDesk is running in browser mode. Open this URL (it carries this launch's token):\n${server.url}\n`);
  if (args.open && hasDisplay(process.env, process.platform)) openInBrowser(server.url, process.platform, (m) => process.stderr.write(`${m}\n`));
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`chartdesk: ${(error as Error).message}\n`);
  process.exit(1);
});
