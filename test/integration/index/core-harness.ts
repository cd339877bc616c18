/** Boots a real core (session-only vault, temp data folder, bundled index worker) for contract tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '../../../electron/core/app-core';
import { bootCore } from '../../../electron/core/boot';
import { silentLogger } from '../../../electron/core/log';
import { DIST } from '../../support/paths';

/** A booted core, the events it emitted, and a way to call methods as a transport does. */
export interface CoreHarness {
  core: Core;
  dataDir: string;
  events: Array<{ name: string; payload: unknown }>;
  /** Calls a contract method; a failure rejects with an Error carrying kind, step and hint. */
  call<T = Record<string, unknown>>(name: string, args: unknown): Promise<T>;
  close(): Promise<void>;
}

/** Boots the core in a fresh temp folder. */
export async function startCore(): Promise<CoreHarness> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-charts-'));
  const dataDir = path.join(dir, 'data');
  const core = await bootCore({
    transport: 'browser',
    dataDir,
    log: silentLogger,
    // Session-only secrets; PATH and the D-Bus session so credential helpers (over the test keyring) can run.
    env: { CHARTDESK_KEYCHAIN: 'off', PATH: process.env.PATH ?? '', ...(process.env.DBUS_SESSION_BUS_ADDRESS ? { DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS } : {}) },
    homeDir: dir,
    indexWorkerPath: path.join(DIST, 'index-worker.cjs'),
  });
  const events: CoreHarness['events'] = [];
  core.context.events.subscribe((name, payload) => events.push({ name, payload }));
  return {
    core,
    dataDir,
    events,
    async call<T>(name: string, args: unknown): Promise<T> {
      const envelope = await core.dispatcher.call(name, args);
      if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
      return envelope.value as T;
    },
    async close() {
      await core.context.flow.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
