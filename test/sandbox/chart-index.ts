/** The repository index ChartMuseum generates from stored packages (index.yaml and the JSON API shapes). */
import semver from 'semver';
import { Document, isPair, isScalar, Scalar, visit } from 'yaml';
import type { StoredChart } from './chart-store';
import { goTime } from './go-json';

/** A ChartVersion in Helm's JSON field order: the Chart.yaml fields, then urls, created, digest. */
export type ChartVersion = Record<string, unknown>;

/** One index entry for a stored package (`urls` relative: `charts/<file>.tgz`, as ChartMuseum writes). */
export function chartVersionOf(chart: StoredChart): ChartVersion {
  return { ...chart.metadata, urls: [`charts/${chart.filename}`], created: goTime(chart.created), digest: chart.digest };
}

function parseVersion(version: unknown): string | null {
  const text = String(version);
  return semver.valid(text, { loose: true }) ?? semver.coerce(text)?.version ?? null;
}

function newestFirst(a: ChartVersion, b: ChartVersion): number {
  const va = parseVersion(a.version);
  const vb = parseVersion(b.version);
  if (va && vb) return semver.rcompare(va, vb);
  if (va) return -1;
  if (vb) return 1;
  return 0;
}

/** `{name: [ChartVersion…]}`, names sorted (Go map order), versions newest first (Helm's SortEntries). */
export function entriesOf(charts: StoredChart[]): Record<string, ChartVersion[]> {
  const byName = new Map<string, ChartVersion[]>();
  for (const chart of charts) {
    const list = byName.get(chart.name) ?? [];
    list.push(chartVersionOf(chart));
    byName.set(chart.name, list);
  }
  const entries: Record<string, ChartVersion[]> = {};
  for (const name of [...byName.keys()].sort()) entries[name] = byName.get(name)!.sort(newestFirst);
  return entries;
}

/**
 * index.yaml as ChartMuseum writes it (Helm's sigs.k8s.io/yaml output): keys sorted, sequences not
 * indented under their key, timestamps double-quoted, `serverInfo: {}`.
 */
export function indexYaml(charts: StoredChart[], now: Date = new Date()): string {
  const index = { apiVersion: 'v1', entries: entriesOf(charts), generated: goTime(now), serverInfo: {} };
  const doc = new Document(index, { version: '1.1', sortMapEntries: true });
  visit(doc, {
    Pair(_key, pair) {
      if (isPair(pair) && isScalar(pair.key) && (pair.key.value === 'created' || pair.key.value === 'generated') && isScalar(pair.value)) {
        pair.value.type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
  return doc.toString({ indentSeq: false, lineWidth: 0 });
}

/** Helm's IndexFile.Get: exact version first, else the newest matching the semver constraint ('latest' = any). */
export function findVersion(entries: Record<string, ChartVersion[]>, name: string, version: string): ChartVersion | string {
  const versions = entries[name];
  if (!versions) return 'no chart name found';
  if (versions.length === 0) return 'no chart version found';
  const wanted = version === 'latest' ? '' : version;
  const exact = versions.find((v) => v.version === wanted);
  if (exact) return exact;
  const range = semver.validRange(wanted === '' ? '*' : wanted, { loose: true });
  if (range === null) return `improper constraint: ${wanted}`;
  const match = versions.find((v) => {
    const parsed = parseVersion(v.version);
    return parsed !== null && semver.satisfies(parsed, range, { loose: true });
  });
  return match ?? `no chart version found for ${name}-${wanted}`;
}
