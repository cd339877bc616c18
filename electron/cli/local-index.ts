/**
 * A local index file for `chartdesk index <file>`: read and parsed in this process (a worker would
 * only add its start-up time for the user's own file), the full YAML parser loaded only for the
 * documents the fast scanner does not take.
 */
import { promises as fs } from 'node:fs';
import { ChartDeskError } from '../core/errors';
import { DEFAULT_MAX_INDEX_BYTES, NEEDS_FULL_PARSER, parseIndexUsing } from '../core/index/parse-index-core';
import { ChartIndex } from '../core/index/query-index';
import { safeLine } from './terminal-text';

/** Reads and parses the index at `file`; 'too-large' past the index size cap. */
export async function readLocalIndex(file: string): Promise<ChartIndex> {
  const stat = await fs.stat(file);
  if (stat.size > DEFAULT_MAX_INDEX_BYTES) throw new ChartDeskError('too-large', 'read-file', `${safeLine(file)} is larger than ${DEFAULT_MAX_INDEX_BYTES / (1024 * 1024)} MB.`);
  const bytes = await fs.readFile(file);
  const options = { maxBytes: DEFAULT_MAX_INDEX_BYTES };
  const fast = parseIndexUsing(bytes, options, undefined);
  if (fast !== NEEDS_FULL_PARSER) return new ChartIndex(fast);
  const { parseYamlFull } = await import('../core/index/yaml-full');
  return new ChartIndex(parseIndexUsing(bytes, options, parseYamlFull));
}
