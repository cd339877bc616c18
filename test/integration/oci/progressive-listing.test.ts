/** A namespace larger than the first page: the list shows at once with the rest pending, fills in, and says so with indexChanged. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_PAGE } from '../../../electron/core/oci/registry-source';
import { helmPush } from '../../sandbox/helm-oci-push';
import type { RunningRegistry } from '../../sandbox/registry-process';
import { startCore, type CoreHarness } from '../index/core-harness';
import { testChart } from './oci-support';
import { openRegistry } from './registry-fixtures';

const COUNT = FIRST_PAGE + 12;
let h: CoreHarness;
let reg: RunningRegistry;

beforeAll(async () => {
  reg = await openRegistry();
  for (let i = 0; i < COUNT; i++) await helmPush(reg.url, 'many', testChart(`c${String(i).padStart(2, '0')}`, '1.0.0'));
  h = await startCore();
}, 60_000);
afterAll(async () => {
  await h?.close();
  await reg?.close();
});

describe('a namespace with more charts than the first page', () => {
  it('lists every name at once, the first page read, the rest filling in, then announces the change', async () => {
    const repoId = (await h.call<{ id: string }>('addRepo', { name: 'many', url: `oci://${new URL(reg.url).host}/many` })).id;
    const changed = new Promise<void>((resolve) => h.core.context.events.subscribe((name, payload) => name === 'indexChanged' && (payload as { repoId: string }).repoId === repoId && resolve()));
    const summary = await h.call<{ chartCount: number }>('openIndex', { repoId });
    expect(summary.chartCount).toBe(COUNT);
    const first = await h.call<{ total: number; items: Array<{ name: string; pending?: boolean; description?: string }> }>('listCharts', { repoId, limit: 1000 });
    expect(first.total).toBe(COUNT);
    expect(first.items.slice(0, FIRST_PAGE).every((c) => !c.pending && c.description === 'A test chart')).toBe(true);
    // A chart opened before the background reaches it is read at once.
    const last = first.items.at(-1)?.name as string;
    expect((await h.call<{ versions: Array<{ version: string }> }>('getChart', { repoId, name: last })).versions.map((v) => v.version)).toEqual(['1.0.0']);
    await changed;
    const all = await h.call<{ items: Array<{ pending?: boolean; latestVersion: string }> }>('listCharts', { repoId, limit: 1000 });
    expect(all.items.filter((c) => c.pending)).toEqual([]);
    expect(all.items.every((c) => c.latestVersion === '1.0.0')).toBe(true);
    const note = await h.call<{ discoveryNote: string }>('openIndex', { repoId });
    expect(note.discoveryNote).not.toMatch(/Reading/);
  });
});
