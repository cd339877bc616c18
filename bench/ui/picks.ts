/**
 * What the UI benchmark opens, read from the generated index (its JSON form): the chart with the
 * most versions, and a version whose real package is in ../shared/data/charts with the index's
 * digest and a relative URL, so the loopback repo can serve it and the app verifies it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A chart of the index and how many versions it has. */
export interface PickedChart {
  chart: string;
  versions: number;
}

/** A version the repo can serve: the path relative to the repo folder and the package file. */
export interface ServablePackage extends PickedChart {
  version: string;
  relativeUrl: string;
  file: string;
}

/** The charts and the package the scenarios use. */
export interface UiPicks {
  manyVersions: PickedChart;
  /** Undefined when no version of the index has a package in the shared data (the cached-version figure is then skipped). */
  servable: ServablePackage | undefined;
}

interface IndexVersion {
  version?: unknown;
  digest?: unknown;
  urls?: unknown;
}

/** A relative URL that stays inside the repo folder (no scheme, no leading slash, no ..). */
function insideRepo(url: unknown): url is string {
  return typeof url === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('/') && !url.split('/').includes('..');
}

/** Reads `indexJson` (the index as JSON) and matches its digests against the packages in `chartsDir`. */
export function pickCharts(indexJson: string, chartsDir: string): UiPicks {
  const entries = (JSON.parse(readFileSync(indexJson, 'utf8')) as { entries?: Record<string, IndexVersion[]> }).entries ?? {};
  const charts = Object.entries(entries).filter((entry): entry is [string, IndexVersion[]] => Array.isArray(entry[1]) && entry[1].length > 0);
  const byVersions = [...charts].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const most = byVersions[0];
  if (!most) throw new Error(`${indexJson} lists no charts`);

  const packages = new Map<string, string>();
  for (const name of readdirSync(chartsDir).filter((n) => n.endsWith('.tgz'))) {
    const file = path.join(chartsDir, name);
    packages.set(createHash('sha256').update(readFileSync(file)).digest('hex'), file);
  }
  let servable: ServablePackage | undefined;
  for (const [chart, versions] of byVersions) {
    for (const v of versions) {
      const file = typeof v.digest === 'string' ? packages.get(v.digest) : undefined;
      const url = Array.isArray(v.urls) ? (v.urls[0] as unknown) : undefined;
      if (file && insideRepo(url) && typeof v.version === 'string') {
        servable = { chart, versions: versions.length, version: v.version, relativeUrl: url, file };
        break;
      }
    }
    if (servable) break;
  }
  return { manyVersions: { chart: most[0], versions: most[1].length }, servable };
}
