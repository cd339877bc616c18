/** Entry point of the `chartdesk` command (Node 20, no Electron). */
import { COMMANDS } from './commands';
import { promptSecret } from './prompt-secret';
import { readStdinCapped } from './read-stdin';
import { runCli } from './run';

/** Standard input carries a secret or a JWT (64 KiB at most each): anything far larger is refused. */
const MAX_STDIN_BYTES = 4 * 1024 * 1024;

const readStdin = () => readStdinCapped(process.stdin, MAX_STDIN_BYTES, 'a secret or a token');

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
