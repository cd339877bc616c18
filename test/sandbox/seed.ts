/** Seeds the store with the auth-server-example's two charts, read from ../shared/data at run time. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readChartPackage } from './chart-package';
import type { ChartStore } from './chart-store';

/** The seed charts and the depth-2 namespace each lives in (as in the example's charts/ folder). */
export const SEED_CHARTS = [
  { file: 'cm-authexample-org1-repo1-mychart-0.1.0.tgz', namespace: 'org1/repo1' },
  { file: 'cm-authexample-org2-repo2-otherchart-0.1.0.tgz', namespace: 'org2/repo2' },
] as const;

/** The namespace a seed chart gets at a given depth: org1/repo1, org1, or the default namespace. */
export function seedNamespace(depth2Namespace: string, depth: number): string {
  return depth2Namespace.split('/').slice(0, depth).join('/');
}

/**
 * Stores each seed chart unless already there; its LastModified is set to the Chart.yaml time inside
 * the package, so `created` in the index matches the example's published output.
 */
export async function seedStore(store: ChartStore, sharedDataDir: string, depth: number): Promise<void> {
  for (const seed of SEED_CHARTS) {
    const content = readFileSync(path.join(sharedDataDir, 'charts', seed.file));
    const chart = readChartPackage(content);
    const namespace = seedNamespace(seed.namespace, depth);
    if (await store.exists(namespace, chart.filename)) continue;
    await store.put(namespace, chart.filename, content, chart.chartYamlMtime);
  }
}
