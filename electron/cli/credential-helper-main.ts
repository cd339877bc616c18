/** Entry point of `docker-credential-chartdesk` (Node 20, no Electron): see credential-helper/run-helper.ts. */
import { runCredentialHelper } from './credential-helper/run-helper';
import { readStdinCapped } from './read-stdin';

/** Largest input read: a server URL, or one credential as JSON. */
const MAX_INPUT_BYTES = 64 * 1024;

/** A longer input is cut at the cap: the protocol's answer then says what is wrong with it. */
const readStdin = () => readStdinCapped(process.stdin, MAX_INPUT_BYTES, 'a server address or a credential', true);

void runCredentialHelper(process.argv.slice(2), readStdin, process.env).then((answer) => {
  if (answer.stderr) process.stderr.write(answer.stderr);
  process.stdout.write(answer.stdout, () => {
    process.exitCode = answer.code;
  });
});
