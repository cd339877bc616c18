/** Entry point of the `chartdesk` command (Node 20, no Electron). */
import { ChartDeskError } from '../core/errors';
import { COMMANDS } from './commands';
import { promptSecret } from './prompt-secret';
import { runCli } from './run';

/** Standard input carries a secret or a JWT (64 KiB at most each): anything far larger is refused. */
const MAX_STDIN_BYTES = 4 * 1024 * 1024;

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_STDIN_BYTES) throw new ChartDeskError('too-large', 'read-stdin', 'Standard input is larger than 4 MiB; ChartDesk reads only a secret or a token from it.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A reader that went away (`chartdesk index … | head`) ends the run quietly, as for other Unix tools. */
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

runCli(COMMANDS, {
  argv: process.argv.slice(2),
  env: process.env,
  readStdin,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  ...(process.stdin.isTTY && process.stderr.isTTY ? { promptSecret: (question: string) => promptSecret(question) } : {}),
}).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('chartdesk: unexpected failure.\n');
    process.exitCode = 1;
  },
);
