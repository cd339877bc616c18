/** Decodes one version's entry from an index's detail bytes (block YAML or JSON). */
import { ChartDeskError } from '../errors';
import { BlockReader } from './yaml-block';
import { YAML_BAIL } from './yaml-bytes';
import { YamlCursor } from './yaml-cursor';
import { isRecord } from './normalize-fields';

/** The raw fields of the entry at [start, end) (key column indent for YAML); `only` limits YAML decoding to those keys. */
export function decodeEntry(text: Buffer, format: 'yaml' | 'json', start: number, end: number, indent: number, only?: ReadonlySet<string>): Record<string, unknown> {
  try {
    if (format === 'json') {
      const value: unknown = JSON.parse(text.toString('utf8', start, end));
      if (isRecord(value)) return value;
    } else {
      const cur = new YamlCursor(text);
      cur.lineStart = start - indent;
      cur.first = start;
      cur.indent = indent;
      const value = new BlockReader(cur).mapping(indent, start, true, only);
      if (value !== undefined) return value;
    }
  } catch (error) {
    if (error !== YAML_BAIL && !(error instanceof SyntaxError)) throw error;
  }
  // The entry was validated when the index was parsed, so this means the bytes changed since.
  throw new ChartDeskError('internal', 'index-detail', 'A chart entry could not be read back from the loaded index.');
}
