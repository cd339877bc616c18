/**
 * The URL probe against real loopback servers: the sandbox's ChartMuseum and token server (bearer
 * and basic), static repos serving real indexes, Docker distribution (token auth and htpasswd), a
 * TLS server with a private CA, a closed port and a server that never answers. No request of a
 * probe carries a credential.
 */
import { readFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/index';
import { SHARED_DATA } from '../../support/paths';
import { startHttps } from '../../unit/http/servers';
import { makeTlsFixtures, type TlsFixtures } from '../../unit/http/tls-fixtures';
import { startStaticRepo, type StaticRepo } from '../index/static-repo';
import { basicRegistry } from '../oci/registry-fixtures';
import type { RunningRegistry } from '../../sandbox/registry-process';
import { makeProber, type ProberHarness } from './probe-support';

const index = (name: string) => readFileSync(path.join(SHARED_DATA, 'index', name));

let p: ProberHarness;
beforeAll(() => {
  p = makeProber();
});
afterAll(() => p.http.close());

describe('a ChartMuseum behind its token server (the sandbox, bearer)', () => {
  let sandbox: RunningSandbox;
  let seeding = 0;
  beforeAll(async () => {
    sandbox = await startSandbox({ oci: true });
    // Seeding the registry logs in as user/pass: the probes' requests are the ones after that.
    seeding = sandbox.requests.length;
  });
  afterAll(() => sandbox.close());

  it('proposes the token server with the realm, service and scope it named, and dialect A', async () => {
    const probe = await p.prober.probe({ url: `${sandbox.repoUrl}/org1/repo1` });
    expect(probe.outcome).toBe('token-server');
    expect(probe.challenge).toEqual({ scheme: 'bearer', realm: sandbox.tokenUrl, service: sandbox.service, scope: 'artifact-repository:org1/repo1:pull', dialect: 'A', realmElsewhere: false });
    expect(probe.proposal).toEqual({ kind: 'http', url: `${sandbox.repoUrl}/org1/repo1`, mode: 'token-server', dialect: 'A', needsSecret: true, needsUsername: false });
    expect(probe.evidence.join('\n')).toContain(`Bearer realm=${sandbox.tokenUrl}, service=${sandbox.service}, scope=artifact-repository:org1/repo1:pull`);
    expect(probe.evidence.join('\n')).toContain('dialect A');
    expect(probe.checked).toEqual([expect.objectContaining({ method: 'GET', url: `${sandbox.repoUrl}/org1/repo1/index.yaml`, status: 401 })]);
  });

  it('says when the token server is on another host, before any secret goes there', async () => {
    // The sandbox names its realm by "localhost": reached as 127.0.0.1, the realm is another host.
    const url = `${sandbox.repoUrl.replace('localhost', '127.0.0.1')}/org2/repo2`;
    const probe = await p.prober.probe({ url });
    expect(probe.challenge?.realmElsewhere).toBe(true);
    expect(probe.evidence.join('\n')).toMatch(/not on the repo’s host \(127\.0\.0\.1:\d+\): ChartDesk sends the key there only after you approve it/);
    expect(probe.proposal?.mode).toBe('token-server');
  });

  it('finds the repo one level up when the URL is one level too deep', async () => {
    const probe = await p.prober.probe({ url: `${sandbox.repoUrl}/org1/repo1/extra` });
    expect(probe.outcome).toBe('token-server');
    expect(probe.fix).toEqual({ url: `${sandbox.repoUrl}/org1/repo1`, reason: `Nothing at ${sandbox.repoUrl}/org1/repo1/extra, but the folder one level up, ${sandbox.repoUrl}/org1/repo1, is a chart repo.` });
    expect(probe.proposal?.url).toBe(`${sandbox.repoUrl}/org1/repo1`);
    expect(probe.evidence[0]).toBe(`GET ${sandbox.repoUrl}/org1/repo1/extra/index.yaml answered 404: nothing there.`);
  });

  it('says a wrong path is a wrong path: 404 here and one level up, and no registry either', async () => {
    const probe = await p.prober.probe({ url: `${sandbox.repoUrl}/nowhere` });
    expect(probe.outcome).toBe('not-found');
    expect(probe.proposal).toBeUndefined();
    expect(probe.evidence).toEqual([`GET ${sandbox.repoUrl}/nowhere/index.yaml answered 404: nothing there.`, `GET ${sandbox.repoUrl}/index.yaml (one level up) answered 404.`]);
    expect(probe.hint).toContain('the folder that holds index.yaml');
    expect(probe.checked.map((c) => c.url)).toEqual([`${sandbox.repoUrl}/nowhere/index.yaml`, `${sandbox.repoUrl}/index.yaml`, `${sandbox.repoUrl}/v2/`]);
  });

  it('reads a pasted index.yaml address as its folder, and a pasted index.yml as a file one level too deep', async () => {
    const pasted = await p.prober.probe({ url: `${sandbox.repoUrl}/org1/repo1/index.yaml` });
    expect(pasted.outcome).toBe('token-server');
    expect(pasted.fix?.url).toBe(`${sandbox.repoUrl}/org1/repo1`);
    expect(pasted.evidence[0]).toContain('You pasted the index file itself');
    const typo = await p.prober.probe({ url: `${sandbox.repoUrl}/org1/repo1/index.yml` });
    expect(typo.fix).toEqual({ url: `${sandbox.repoUrl}/org1/repo1`, reason: `index.yml is a file: the repo is the folder that holds index.yaml, ${sandbox.repoUrl}/org1/repo1.` });
  });

  it('takes a bare host:port/path as a chart repo typed without its scheme when no registry answers there', async () => {
    const bare = `${new URL(sandbox.repoUrl).host}/org1/repo1`;
    const probe = await p.prober.probe({ url: bare });
    expect(probe.outcome).toBe('token-server');
    expect(probe.fix?.url).toBe(`${sandbox.repoUrl}/org1/repo1`);
    expect(probe.evidence[0]).toMatch(/^No OCI registry answers there/);
  });

  it('proposes an anonymous registry for the sandbox registry (a token server handing out anonymous tokens), oci:// or bare', async () => {
    const host = `localhost:${new URL(sandbox.registryUrl as string).port}`;
    for (const url of [`oci://${host}/charts`, `${host}/charts`]) {
      const probe = await p.prober.probe({ url });
      expect(probe.outcome).toBe('registry');
      expect(probe.proposal).toEqual({ kind: 'oci', url: `oci://${host}/charts`, mode: 'none', dialect: 'auto', plainHttp: true, needsSecret: false, needsUsername: false });
      expect(probe.challenge).toMatchObject({ scheme: 'bearer', realm: sandbox.tokenUrl, service: 'chartdesk-sandbox-registry', dialect: 'B', anonymousTokens: true });
      expect(probe.evidence[0]).toBe(`GET http://${host}/v2/ answered 401 with Docker-Distribution-API-Version: registry/2.0.`);
      expect(probe.hint).toBe('To push or delete, pick User name and password instead.');
    }
  });

  it('turns an http:// URL of a registry into its oci:// location', async () => {
    const probe = await p.prober.probe({ url: `${sandbox.registryUrl}/charts` });
    expect(probe.outcome).toBe('registry');
    const host = new URL(sandbox.registryUrl as string).host;
    expect(probe.fix).toEqual({ url: `oci://${host}/charts`, reason: `This is an OCI registry: registries are added by their oci:// location, oci://${host}/charts.` });
    expect(probe.proposal).toMatchObject({ kind: 'oci', url: `oci://${host}/charts`, plainHttp: true });
  });

  it('never sends a credential', () => {
    const probes = sandbox.requests.slice(seeding);
    expect(probes.length).toBeGreaterThan(10);
    expect(probes.filter((r) => r.headers.authorization !== undefined)).toEqual([]);
  });
});

describe('Basic authentication', () => {
  it('proposes a user name and password for the basic-auth sandbox', async () => {
    const sandbox = await startSandbox({ auth: 'basic' });
    try {
      const probe = await p.prober.probe({ url: `${sandbox.repoUrl}/org1/repo1` });
      expect(probe.outcome).toBe('basic');
      expect(probe.challenge).toEqual({ scheme: 'basic', realm: 'ChartMuseum' });
      expect(probe.proposal).toEqual({ kind: 'http', url: `${sandbox.repoUrl}/org1/repo1`, mode: 'basic', dialect: 'auto', needsSecret: true, needsUsername: true });
      expect(probe.evidence).toEqual([`GET ${sandbox.repoUrl}/org1/repo1/index.yaml answered 401 with WWW-Authenticate: Basic realm="ChartMuseum".`]);
    } finally {
      await sandbox.close();
    }
  });

  it('proposes a registry login for a registry with htpasswd', async () => {
    let registry: RunningRegistry | undefined;
    try {
      registry = await basicRegistry({ user: 'secret-pass' });
      const host = new URL(registry.url).host;
      const probe = await p.prober.probe({ url: `oci://${host}/team` });
      expect(probe.outcome).toBe('registry');
      expect(probe.proposal).toEqual({ kind: 'oci', url: `oci://${host}/team`, mode: 'basic', dialect: 'auto', plainHttp: true, needsSecret: true, needsUsername: true });
      expect(probe.challenge?.scheme).toBe('basic');
    } finally {
      await registry?.close();
    }
  });
});

describe('static repos', () => {
  let statik: StaticRepo;
  beforeAll(async () => {
    statik = await startStaticRepo();
    statik.put('/grafana/index.yaml', index('grafana.yaml'));
    statik.put('/cm/index.yaml', index('chartmuseum-server-output-authexample-readme.yaml'));
    statik.put('/page/index.yaml', '<!doctype html><html><body>Not here</body></html>', 'text/html');
  });
  afterAll(() => statik.close());

  it('counts the charts of a public index', async () => {
    const probe = await p.prober.probe({ url: `${statik.origin}/grafana` });
    expect(probe.outcome).toBe('index');
    expect(probe.index).toEqual({ chartCount: 41, versionCount: 3591, servedByChartMuseum: false });
    expect(probe.headline).toBe('A public chart repo: 41 charts.');
    expect(probe.proposal).toEqual({ kind: 'http', url: `${statik.origin}/grafana`, mode: 'none', dialect: 'auto', needsSecret: false, needsUsername: false });
    expect(probe.evidence).toContain('The index lists 41 charts (3,591 versions).');
  });

  it('tells a ChartMuseum index by its serverInfo', async () => {
    const probe = await p.prober.probe({ url: `${statik.origin}/cm` });
    expect(probe.index?.servedByChartMuseum).toBe(true);
    expect(probe.headline).toBe('A public chart repo: 1 chart, served by ChartMuseum.');
  });

  it('says a page that is not an index is not a repo', async () => {
    const probe = await p.prober.probe({ url: `${statik.origin}/page` });
    expect(probe.outcome).toBe('not-a-repo');
    expect(probe.proposal).toBeUndefined();
    expect(probe.evidence[0]).toMatch(/answered 200, but the body is not an index\.yaml/);
  });

  it('proposes Basic for a static repo behind Basic auth', async () => {
    const locked = await startStaticRepo({ basicAuth: 'user:pw' });
    try {
      const probe = await p.prober.probe({ url: `${locked.origin}/charts` });
      expect(probe.outcome).toBe('basic');
      expect(locked.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
    } finally {
      await locked.close();
    }
  });
});

describe('TLS, unreachable and slow servers', () => {
  let tls: TlsFixtures;
  beforeAll(() => {
    tls = makeTlsFixtures();
  });
  afterAll(() => tls.cleanup());

  it('names a TLS failure and the CA option, and succeeds with the CA file', async () => {
    const server = await startHttps({ key: tls.serverKey, cert: tls.serverCert }, (_req, res) => res.writeHead(200, { 'content-type': 'application/x-yaml' }).end(index('grafana-first-2020.yaml')));
    try {
      const url = `https://localhost:${new URL(server.origin).port}/charts`;
      const failed = await p.prober.probe({ url });
      expect(failed.outcome).toBe('tls');
      expect(failed.evidence[0]).toContain('its certificate is not signed by a trusted authority');
      expect(failed.hint).toContain('CA file');
      const trusted = await p.prober.probe({ url, tls: { caFile: tls.caFile, insecureSkipVerify: false } });
      expect(trusted.outcome).toBe('index');
      expect(trusted.index?.chartCount).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('says a closed port cannot be reached', async () => {
    const port = await closedPort();
    const probe = await p.prober.probe({ url: `http://127.0.0.1:${port}/charts` });
    expect(probe.outcome).toBe('unreachable');
    expect(probe.evidence[0]).toContain('the connection was refused');
  });

  it('gives up on a server that never answers within its time bound', async () => {
    const silent = await silentServer();
    const quick = makeProber({ timeoutMs: 400 });
    try {
      const started = Date.now();
      const probe = await quick.prober.probe({ url: `http://127.0.0.1:${silent.port}/charts` });
      expect(probe.outcome).toBe('unreachable');
      expect(probe.headline).toMatch(/did not answer in time/);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await silent.close();
      await quick.http.close();
    }
  });

  it('cancels a probe when a newer one with the same key starts', async () => {
    const silent = await silentServer();
    const statik = await startStaticRepo();
    statik.put('/index.yaml', index('grafana-first-2020.yaml'));
    try {
      const started = Date.now();
      const older = p.prober.probe({ url: `http://127.0.0.1:${silent.port}/slow`, key: 'dialog-1' }).then(
        () => 'answered',
        (error: unknown) => error,
      );
      const newer = await p.prober.probe({ url: statik.origin, key: 'dialog-1' });
      expect(newer.outcome).toBe('index');
      expect(await older).toMatchObject({ kind: 'cancelled' });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await statik.close();
      await silent.close();
    }
  });

  it('refuses text that is no URL with a sentence', async () => {
    const probe = await p.prober.probe({ url: 'ftp://example.com/charts' });
    expect(probe).toMatchObject({ outcome: 'invalid', checked: [] });
    expect(probe.evidence[0]).toBe('Start the URL with https://, http:// or cm://, or oci:// for a registry.');
  });
});

/** A server that accepts connections and never answers; close() drops them. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
