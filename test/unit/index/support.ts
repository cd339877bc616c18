/** Shared helpers of the index engine tests: real fixtures, a reference parse, full projections. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isScalar, parseDocument, visit } from 'yaml';
import { buildIndexData } from '../../../electron/core/index/normalize-index';
import { skeletonFromDocument } from '../../../electron/core/index/parse-document';
import { parseIndex, type ParseIndexOptions } from '../../../electron/core/index/parse-index';
import { ChartIndex } from '../../../electron/core/index/query-index';
import type { ChartVersion } from '../../../electron/core/index/query-types';
import { SHARED_DATA } from '../../support/paths';

/** ../shared/data/index. */
export const INDEX_DIR = path.join(SHARED_DATA, 'index');

/** The names of every real index file. */
export function realIndexFiles(): string[] {
  return readdirSync(INDEX_DIR).sort();
}

/** The bytes of a real index file. */
export function readIndexFile(name: string): Buffer {
  return readFileSync(path.join(INDEX_DIR, name));
}

/** Parses bytes with the engine (synchronously) into a queryable index. */
export function openIndex(bytes: Uint8Array | string, options?: ParseIndexOptions): ChartIndex {
  return new ChartIndex(parseIndex(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, options));
}

/**
 * The reference: the `yaml` package's own toJS (failsafe schema, so scalars stay as written, with
 * plain nulls turned into null), then the engine's normalization.
 */
export function referenceIndex(bytes: Buffer): ChartIndex {
  const doc = parseDocument(bytes.toString('utf8'), { schema: 'failsafe', uniqueKeys: true });
  if (doc.errors.length > 0) throw new Error(`reference parser rejects the file: ${doc.errors[0]?.message}`);
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && node.type === 'PLAIN' && ['', '~', 'null', 'Null', 'NULL'].includes(String(node.value))) node.value = null;
    },
  });
  const { skeleton, detailText } = skeletonFromDocument(doc.toJS({ maxAliasCount: 100 }));
  return new ChartIndex(buildIndexData({ skeleton, detailText, detailFormat: 'json', format: 'yaml', parser: 'full', bytes: bytes.length, offsetsAreSource: false }));
}

/** Every chart with every version, fully decoded: what a user could ever see of the index. */
export function everything(index: ChartIndex): Record<string, ChartVersion[]> {
  const out: Record<string, ChartVersion[]> = {};
  for (const name of index.chartNames()) out[name] = index.detail(name)?.versions ?? [];
  return out;
}

/** Runs fn and returns what it threw (fails when it does not throw). */
export function thrown(fn: () => unknown): Error & { kind?: string } {
  try {
    fn();
  } catch (error) {
    return error as Error & { kind?: string };
  }
  throw new Error('expected an error, got none');
}
