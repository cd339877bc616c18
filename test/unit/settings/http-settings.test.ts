/**
 * The network settings take effect on the next request of a running client, without a restart:
 * timeouts against loopback servers that stall, the proxy, and the extra CA file (a repo's own CA wins).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChartDeskError } from '../../../electron/core/errors';
import { createHttpClient } from '../../../electron/core/http/client';
import { createTrace } from '../../../electron/core/http/trace';
import { liveSettings } from '../../../electron/core/settings/live-settings';
import { createSettingsStore, type SettingsStore } from '../../../electron/core/settings/settings-store';
import { startHttp, startHttps, startProxy } from '../http/servers';
import { makeTlsFixtures, type TlsFixtures } from '../http/tls-fixtures';

let dir: string;
let settings: SettingsStore;
let pki: TlsFixtures;
let otherPki: TlsFixtures;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-http-settings-'));
  settings = createSettingsStore({ dataDir: dir, notify: () => undefined });
  await settings.load();
  pki = makeTlsFixtures();
  otherPki = makeTlsFixtures();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  pki.cleanup();
  otherPki.cleanup();
});

/** A client as the app builds it: the settings read through getters, no proxy in the environment. */
const appClient = () => createHttpClient({ userAgent: 'ChartDesk/test', env: {}, defaults: liveSettings(settings).httpDefaults });

async function failure(promise: Promise<unknown>): Promise<ChartDeskError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ChartDeskError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('timeouts from Settings', () => {
  it('the response timeout bounds the wait for a server that never answers, and a change applies to the next request', async () => {
    const stalls = await startHttp(() => undefined);
    const client = appClient();
    try {
      await settings.update({ responseTimeoutSeconds: 1 });
      const first = await failure(client.send({ step: 'request', method: 'GET', url: `${stalls.origin}/index.yaml` }, createTrace()));
      expect(first.kind).toBe('timeout');
      expect(first.message).toMatch(/took too long to answer \(more than 1 s\)/);
      await settings.update({ responseTimeoutSeconds: 2 });
      const second = await failure(client.send({ step: 'request', method: 'GET', url: `${stalls.origin}/index.yaml` }, createTrace()));
      expect(second.message).toMatch(/more than 2 s/);
    } finally {
      await client.close();
      await stalls.close();
      await settings.update({ responseTimeoutSeconds: 30 });
    }
  });

  it('the connect timeout bounds a TLS handshake that never completes', async () => {
    // Accepts the TCP connection and never says a word: the TLS set-up waits forever.
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const client = appClient();
    try {
      await settings.update({ connectTimeoutSeconds: 1 });
      const error = await failure(client.send({ step: 'request', method: 'GET', url: `https://127.0.0.1:${port}/index.yaml` }, createTrace()));
      expect(error.kind).toBe('timeout');
      expect(error.message).toMatch(/took too long to connect \(more than 1 s\)/);
    } finally {
      await client.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
      await settings.update({ connectTimeoutSeconds: 10 });
    }
  });

  it('the stall timeout stops a body that stops arriving', async () => {
    const halfway = await startHttp((_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('x'.repeat(10));
    });
    const client = appClient();
    try {
      await settings.update({ stallTimeoutSeconds: 1 });
      const error = await failure(client.send({ step: 'download', method: 'GET', url: `${halfway.origin}/chart.tgz` }, createTrace()));
      expect(error.kind).toBe('timeout');
      expect(error.message).toMatch(/send the rest of its answer \(nothing arrived for 1 s\)/);
    } finally {
      await client.close();
      await halfway.close();
      await settings.update({ stallTimeoutSeconds: 60 });
    }
  });
});

describe('the proxy from Settings', () => {
  it('goes through the proxy once it is set, straight to hosts it exempts, and direct again when cleared', async () => {
    const target = await startHttp((req, res) => res.end(`target saw ${req.url}`));
    const proxy = await startProxy();
    const client = appClient();
    const get = async (p: string) => (await client.send({ step: 'request', method: 'GET', url: `${target.origin}${p}` }, createTrace())).body.toString();
    try {
      expect(await get('/direct')).toBe('target saw /direct');
      expect(proxy.seen).toHaveLength(0);
      await settings.update({ proxyUrl: proxy.origin });
      expect(await get('/proxied')).toBe('target saw /proxied');
      // A plain request in absolute form, or a CONNECT tunnel to the target: either way, through the proxy.
      expect(proxy.seen.map((r) => r.url)).toEqual([expect.stringContaining(target.origin.replace('http://', ''))]);
      await settings.update({ noProxy: '127.0.0.1' });
      expect(await get('/exempt')).toBe('target saw /exempt');
      await settings.update({ proxyUrl: '', noProxy: '' });
      expect(await get('/direct-again')).toBe('target saw /direct-again');
      expect(proxy.seen).toHaveLength(1);
    } finally {
      await settings.update({ proxyUrl: '', noProxy: '' });
      await client.close();
      await target.close();
      await proxy.close();
    }
  });
});

describe('the extra CA file from Settings', () => {
  it('makes a server signed by that CA trusted; a repo’s own CA file still wins', async () => {
    const server = await startHttps({ key: pki.serverKey, cert: pki.serverCert }, (_req, res) => res.end('secure hello'));
    const client = appClient();
    const url = `${server.origin}/index.yaml`;
    try {
      expect((await failure(client.send({ step: 'request', method: 'GET', url }, createTrace()))).kind).toBe('tls');
      await settings.update({ caFile: pki.caFile });
      expect((await client.send({ step: 'request', method: 'GET', url }, createTrace())).body.toString()).toBe('secure hello');
      // The repo names another CA: its setting wins over the default, so the server is not trusted.
      const own = await failure(client.send({ step: 'request', method: 'GET', url, tls: { caFile: otherPki.caFile } }, createTrace()));
      expect(own.kind).toBe('tls');
      await settings.update({ caFile: '' });
      expect((await failure(client.send({ step: 'request', method: 'GET', url }, createTrace()))).kind).toBe('tls');
    } finally {
      await settings.update({ caFile: '' });
      await client.close();
      await server.close();
    }
  });
});
