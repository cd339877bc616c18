/** The sandbox's public API: a ChartMuseum-compatible repo server and a token server on loopback. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChartStore } from './chart-store';
import { resolveOptions } from './config';
import { listenLoopback } from './listen';
import type { Sandbox, SandboxOptions, SeenRequest } from './options';
import { repoRequestListener } from './repo-server';
import { seedStore } from './seed';
import { TOKEN_PATH, tokenRequestListener } from './token-server';
import { startSandboxRegistry, type SandboxRegistry } from './oci-registry';

export type { AccessEntry, Sandbox, SandboxOptions, SeenRequest } from './options';
export { libtrustKeyId } from './libtrust-kid';
export { findSharedData } from './shared-data';

/** A running sandbox, plus where it stores charts (and, with oci, its registry and what was seeded there). */
export interface RunningSandbox extends Sandbox {
  storageDir: string;
  registry?: SandboxRegistry;
}

/**
 * Starts the token server and the repo server (both on 127.0.0.1 and ::1), seeded unless `seed: false`.
 * setOption changes behaviour live (ports, host, storageDir and seed apply only at start).
 * close() stops both and removes the storage directory when the sandbox created it.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  let raw: SandboxOptions = { ...options };
  let live = resolveOptions(raw);
  const storageDir = options.storageDir ?? mkdtempSync(path.join(os.tmpdir(), 'chartdesk-sandbox-'));
  const ownsStorage = options.storageDir === undefined;
  const store = new ChartStore(storageDir);
  const requests: SeenRequest[] = [];
  try {
    if (live.seed) await seedStore(store, live.sharedDataDir, live.depth);
    const tokenState = { options: () => live, refreshTokens: new Map<string, string>() };
    const token = await listenLoopback(tokenRequestListener(tokenState, requests), live.host, live.tokenPort);
    const service = `${live.publicHost}:${token.port}`;
    const tokenUrl = `http://${service}${TOKEN_PATH}`;
    const repoDeps = { options: () => live, challengeTarget: () => ({ realm: tokenUrl, service }), store, log: requests };
    const repo = await listenLoopback(repoRequestListener(repoDeps), live.host, live.repoPort).catch(async (error: unknown) => {
      await token.close();
      throw error;
    });
    const registry = live.oci
      ? await startSandboxRegistry(live, tokenUrl, live.ociPort).catch(async (error: unknown) => {
          await Promise.all([repo.close(), token.close()]);
          throw error;
        })
      : undefined;
    return {
      repoUrl: `http://${live.publicHost}:${repo.port}`,
      ...(registry ? { registryUrl: registry.url, registry } : {}),
      tokenUrl,
      service,
      storageDir,
      requests,
      setOption(key, value) {
        raw = { ...raw, [key]: value };
        live = resolveOptions(raw);
      },
      async close() {
        await Promise.all([repo.close(), token.close(), registry?.close()]);
        if (ownsStorage) rmSync(storageDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (ownsStorage) rmSync(storageDir, { recursive: true, force: true });
    throw error;
  }
}
