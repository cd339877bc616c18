/**
 * Parses an index.yaml (or its JSON form, chosen by the first non-blank byte) into normalized,
 * transferable IndexData. Block-style YAML takes the fast scanner; anything outside its subset
 * falls back to the safe full parser. Runs synchronously: the worker calls it, and tests may too.
 */
import { parseIndexUsing, type ParseIndexOptions } from './parse-index-core';
import type { IndexData } from './parse-result';
import { parseYamlFull } from './yaml-full';

export { DEFAULT_MAX_INDEX_BYTES, type ParseIndexOptions } from './parse-index-core';

/** Parses and normalizes an index document. Throws ChartDeskError('index-invalid' | 'too-large'). */
export function parseIndex(input: Uint8Array, options: ParseIndexOptions = {}): IndexData {
  return parseIndexUsing(input, options, parseYamlFull);
}
