/**
 * The desktop app as `docker-credential-chartdesk`: the launcher runs the app binary with
 * HELPER_FLAG and an action; it answers over the app's own data folder and exits, with no window
 * (the packaged app's fuses forbid running it as plain Node, so this is how its helper runs).
 */
import { app } from 'electron';
import { runCredentialHelper } from '../cli/credential-helper/run-helper';
import { readStdinCapped } from '../cli/read-stdin';
import type { HelperProgram } from '../core/credential-helper/helper-launcher';

/** The argument that starts the helper mode. */
export const HELPER_FLAG = '--chartdesk-credential-helper';

/** How a launcher starts this app in helper mode (a packaged app is its own program; in development, electron runs the app folder). */
export function appHelperProgram(): HelperProgram {
  return { command: process.execPath, args: app.isPackaged ? [HELPER_FLAG] : [app.getAppPath(), HELPER_FLAG] };
}

/** The action after HELPER_FLAG, or undefined when the app starts normally. */
export function helperModeArgs(argv: readonly string[]): string[] | undefined {
  const at = argv.indexOf(HELPER_FLAG);
  return at < 0 ? undefined : argv.slice(at + 1);
}

/** Answers one helper action and quits the app with the protocol's exit code. */
export async function runHelperMode(args: readonly string[]): Promise<void> {
  app.dock?.hide();
  const answer = await runCredentialHelper(args, () => readStdinCapped(process.stdin, 64 * 1024, 'a server address or a credential', true), { ...process.env, CHARTDESK_HOME: app.getPath('userData') });
  if (answer.stderr) process.stderr.write(answer.stderr);
  process.stdout.write(answer.stdout, () => app.exit(answer.code));
}
