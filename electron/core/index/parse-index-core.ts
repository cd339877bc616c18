/**
 * The index parse itself, with the full YAML parser passed in: block-style YAML takes the fast
 * scanner, JSON takes JSON.parse, and only what is left needs the full parser (the `yaml` package),
 * so a caller that can wait may load that parser only when a document needs it (the CLI does).
 * parse-index.ts is the everyday entry point with the full parser wired in.
 */
import { ChartDeskError } from '../errors';
import { buildIndexData } from './normalize-index';
import { skeletonFromDocument } from './parse-document';
import { locateJsonError } from './parse-json-locate';
import { findControlByte, lineColumnOfByte, lineColumnOfChar } from './parse-location';
import type { IndexData } from './parse-result';
import { YAML_BAIL } from './yaml-bytes';
import { DEFAULT_YAML_LIMITS, type YamlLimits } from './yaml-limits';
import { scanIndexYaml } from './yaml-index-scan';

/** Options of a parse. */
export interface ParseIndexOptions {
  /** Refuse inputs larger than this many bytes (default 256 MiB). */
  maxBytes?: number;
  /** Limits for the full YAML parser. */
  yamlLimits?: YamlLimits;
  /** Skip the fast scanner (tests compare both paths). */
  forceFullParser?: boolean;
}

/** The default size cap, as for fetching. */
export const DEFAULT_MAX_INDEX_BYTES = 256 * 1024 * 1024;

/** The safe full YAML parser (yaml-full.ts). */
export type FullYamlParser = (text: string, limits: YamlLimits) => unknown;

/** What parseIndexUsing returns when the document needs the full parser and none was given. */
export const NEEDS_FULL_PARSER: unique symbol = Symbol('needs the full YAML parser');

/**
 * Parses and normalizes an index document. Throws ChartDeskError('index-invalid' | 'too-large').
 * Without `full`, a document outside the fast scanner's subset returns NEEDS_FULL_PARSER.
 */
export function parseIndexUsing(input: Uint8Array, options: ParseIndexOptions, full: FullYamlParser): IndexData;
export function parseIndexUsing(input: Uint8Array, options: ParseIndexOptions, full: FullYamlParser | undefined): IndexData | typeof NEEDS_FULL_PARSER;
export function parseIndexUsing(input: Uint8Array, options: ParseIndexOptions, full: FullYamlParser | undefined): IndexData | typeof NEEDS_FULL_PARSER {
  const buf = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INDEX_BYTES;
  if (buf.length > maxBytes) {
    throw new ChartDeskError('too-large', 'index-parse', `The index is ${formatMb(buf.length)}, more than the ${formatMb(maxBytes)} ChartDesk accepts.`, {
      hint: 'Raise the index size limit in the settings if this repository really is that large.',
    });
  }
  const start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const first = firstNonBlank(buf, start);
  if (first < 0) throw new ChartDeskError('index-invalid', 'index-parse', 'The index is empty.');
  const common = { bytes: buf.length };
  if (buf[first] === 0x7b || buf[first] === 0x5b) {
    const { skeleton, detailText } = skeletonFromDocument(parseJson(buf, start));
    return buildIndexData({ ...common, skeleton, detailText, detailFormat: 'json', format: 'json', parser: 'json', offsetsAreSource: false });
  }
  if (!options.forceFullParser && buf.indexOf(0x0d, start) < 0) {
    try {
      const skeleton = scanIndexYaml(buf, start);
      return buildIndexData({ ...common, skeleton, detailText: buf, detailFormat: 'yaml', format: 'yaml', parser: 'fast', offsetsAreSource: true });
    } catch (error) {
      if (error !== YAML_BAIL) throw error;
    }
  }
  rejectControlBytes(buf, start, 'YAML');
  if (!full) return NEEDS_FULL_PARSER;
  const document = full(buf.toString('utf8', start), options.yamlLimits ?? DEFAULT_YAML_LIMITS);
  const { skeleton, detailText } = skeletonFromDocument(document);
  return buildIndexData({ ...common, skeleton, detailText, detailFormat: 'json', format: 'yaml', parser: 'full', offsetsAreSource: false });
}

function parseJson(buf: Buffer, start: number): unknown {
  rejectControlBytes(buf, start, 'JSON');
  const text = buf.toString('utf8', start);
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const { offset, reason } = locateJsonError(text);
    const { line, column } = lineColumnOfChar(text, offset);
    throw new ChartDeskError('index-invalid', 'index-parse', `The index is not valid JSON: ${reason} (line ${line}, column ${column}).`);
  }
}

/** Control bytes (NUL and friends) are never valid in an index: say where the first one is. */
function rejectControlBytes(buf: Buffer, start: number, format: string): void {
  const at = findControlByte(buf, start);
  if (at < 0) return;
  const { line, column } = lineColumnOfByte(buf, at);
  const code = `0x${(buf[at] as number).toString(16).padStart(2, '0')}`;
  throw new ChartDeskError('index-invalid', 'index-parse', `The index is not valid ${format}: it contains the control byte ${code} (line ${line}, column ${column}).`, {
    hint: 'The file may be corrupted or not a chart index at all.',
  });
}

function firstNonBlank(buf: Buffer, start: number): number {
  for (let i = start; i < buf.length; i++) {
    const b = buf[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return i;
  }
  return -1;
}

function formatMb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
