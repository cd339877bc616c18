import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlowClient, type FlowClient, type FlowRepo } from '../../../electron/core/auth/flow';
import { chartMuseumChartsUrl } from '../../../electron/core/chartmuseum/api-base';
import { createChartMuseumClient, type ChartMuseumTarget } from '../../../electron/core/chartmuseum/client';
import { startSandbox, type Sandbox } from '../../sandbox';
import { SHARED_DATA } from '../../support/paths';

const grafana = readFileSync(path.join(SHARED_DATA, 'charts', 'grafana-5.3.1.tgz'));

let sandbox: Sandbox;
let flow: FlowClient;

const target = (repoPath: string, secret = 'MASTERKEY'): ChartMuseumTarget => {
  const repo: FlowRepo = {
    url: `${sandbox.repoUrl}${repoPath}`,
    auth: { mode: 'token-server', dialect: 'A', approvedRealmOrigin: new URL(sandbox.tokenUrl).origin },
    tls: { insecureSkipVerify: false },
    passCredentialsAll: false,
  };
  return { repo, credentials: async () => ({ secret }), chartsUrl: chartMuseumChartsUrl(repo.url) };
};
const versionsOf = async (t: ChartMuseumTarget, name: string) =>
  (await createChartMuseumClient(flow).list(t)).find((chart) => chart.name === name)?.versions.map((v) => v.version) ?? [];

beforeAll(async () => {
  sandbox = await startSandbox();
  flow = createFlowClient({ userAgent: 'ChartDesk-test' });
});
afterAll(async () => {
  await flow.close();
  await sandbox.close();
});

describe('ChartMuseum API through the bearer flow', () => {
  it('lists the seeded charts of a depth-2 repo', async () => {
    expect(await versionsOf(target('/org1/repo1'), 'mychart')).toEqual(['0.1.0']);
    expect(await versionsOf(target('/org2/repo2'), 'otherchart')).toEqual(['0.1.0']);
  });

  it('pushes a package with a pull,push token, then refuses the same version with a conflict', async () => {
    const client = createChartMuseumClient(flow);
    const t = target('/org1/repo1');
    const before = sandbox.requests.length;
    await client.push(t, grafana, { force: false, name: 'grafana', version: '5.3.1' });
    expect(await versionsOf(t, 'grafana')).toEqual(['5.3.1']);
    const tokenRequests = sandbox.requests.slice(before).filter((r) => r.server === 'token');
    expect(tokenRequests.some((r) => decodeURIComponent(r.url).includes('artifact-repository:org1/repo1:pull,push'))).toBe(true);
    const post = sandbox.requests.slice(before).find((r) => r.server === 'repo' && r.method === 'POST');
    expect(post?.url).toMatch(/^\/api\/org1\/repo1\/charts$/);

    const conflict = await client.push(t, grafana, { force: false, name: 'grafana', version: '5.3.1' }).catch((e: unknown) => e);
    expect(conflict).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/Version 5\.3\.1 of chart grafana is already in the repo/) });
    expect((conflict as { hint?: string }).hint).toMatch(/force/);
  });

  it('overwrites an existing version with force', async () => {
    const client = createChartMuseumClient(flow);
    const t = target('/org2/repo2');
    await client.push(t, grafana, { force: false, name: 'grafana', version: '5.3.1' });
    const before = sandbox.requests.length;
    await client.push(t, grafana, { force: true, name: 'grafana', version: '5.3.1' });
    const post = sandbox.requests.slice(before).find((r) => r.server === 'repo' && r.method === 'POST' && r.status === 201);
    expect(post?.url).toBe('/api/org2/repo2/charts?force');
  });

  it('deletes a version, then says it is gone', async () => {
    const client = createChartMuseumClient(flow);
    const t = target('/org1/repo1');
    await client.remove(t, 'mychart', '0.1.0');
    expect(await versionsOf(t, 'mychart')).toEqual([]);
    await expect(client.remove(t, 'mychart', '0.1.0')).rejects.toMatchObject({ kind: 'not-found', message: 'Version 0.1.0 of chart mychart is not in the repo.' });
  });

  it('surfaces a rejected API key as a flow error, not a success', async () => {
    // A fresh flow client: the shared one holds a token for this scope already.
    const freshFlow = createFlowClient({ userAgent: 'ChartDesk-test' });
    try {
      const failure = await createChartMuseumClient(freshFlow).push(target('/org1/repo1', 'WRONG-KEY'), grafana, { force: true, name: 'grafana', version: '5.3.1' }).catch((e: unknown) => e);
      expect(failure).toMatchObject({ kind: 'token-server-rejected' });
      expect((failure as Error).message).not.toContain('WRONG-KEY');
    } finally {
      await freshFlow.close();
    }
  });
});

describe('ChartMuseum API at depth 0 and 1', () => {
  it.each([0, 1] as const)('pushes and deletes at depth %i', async (depth) => {
    const own = await startSandbox({ depth });
    const ownFlow = createFlowClient({ userAgent: 'ChartDesk-test' });
    try {
      const repoPath = depth === 0 ? '' : '/team';
      const repo: FlowRepo = {
        url: `${own.repoUrl}${repoPath}`,
        auth: { mode: 'token-server', dialect: 'A', approvedRealmOrigin: new URL(own.tokenUrl).origin },
        tls: { insecureSkipVerify: false },
        passCredentialsAll: false,
      };
      const t = { repo, credentials: async () => ({ secret: 'MASTERKEY' }), chartsUrl: chartMuseumChartsUrl(repo.url) };
      const client = createChartMuseumClient(ownFlow);
      await client.push(t, grafana, { force: false, name: 'grafana', version: '5.3.1' });
      expect((await client.list(t)).find((c) => c.name === 'grafana')?.versions.map((v) => v.version)).toEqual(['5.3.1']);
      await client.remove(t, 'grafana', '5.3.1');
      expect(own.requests.filter((r) => r.server === 'repo' && r.method === 'DELETE').map((r) => r.url)).toEqual([`/api${repoPath}/charts/grafana/5.3.1`]);
    } finally {
      await ownFlow.close();
      await own.close();
    }
  });
});
