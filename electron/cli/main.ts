/** Entry point of the `chartdesk` command (Node 20, no Electron). */
import { COMMANDS } from './commands';
import { runCli } from './run';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

runCli(COMMANDS, {
  argv: process.argv.slice(2),
  env: process.env,
  readStdin,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('chartdesk: unexpected failure.\n');
    process.exitCode = 1;
  },
);
