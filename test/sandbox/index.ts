/** The sandbox's public API: a ChartMuseum-compatible repo server and a token server on loopback. */
import type { Sandbox, SandboxOptions } from './options';

export type { AccessEntry, Sandbox, SandboxOptions, SeenRequest } from './options';

/** Starts the repo and token servers; close() stops both and removes the temp storage. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  void options;
  throw new Error('The sandbox is being written: startSandbox is not ready yet.');
}
