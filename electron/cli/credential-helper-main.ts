/** Entry point of `docker-credential-chartdesk` (Node 20, no Electron): see credential-helper/run-helper.ts. */
import { runCredentialHelper } from './credential-helper/run-helper';

/** Largest input read: a server URL, or one credential as JSON. */
const MAX_INPUT_BYTES = 64 * 1024;

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_INPUT_BYTES) break;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, MAX_INPUT_BYTES);
}

void runCredentialHelper(process.argv.slice(2), readStdin, process.env).then((answer) => {
  if (answer.stderr) process.stderr.write(answer.stderr);
  process.stdout.write(answer.stdout, () => {
    process.exitCode = answer.code;
  });
});
