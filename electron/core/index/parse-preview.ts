/**
 * The first page of an index before the whole of it is read: the fast scanner stops after the
 * first charts of `entries` and those are normalized as the full parse would. Helm and ChartMuseum
 * write `entries` sorted by name, so for their indexes this is exactly the list's first page; for
 * others it is a close first look that the full parse then replaces.
 */
import { buildIndexData } from './normalize-index';
import type { ChartSummary } from './query-types';
import { PREVIEW_CHARTS } from './worker-protocol';
import { previewIndexYaml } from './yaml-index-scan';

/** The summaries of the first `maxCharts` charts, or undefined when a preview would not come sooner than the full parse. */
export function previewIndex(input: Uint8Array, maxCharts = PREVIEW_CHARTS): ChartSummary[] | undefined {
  const buf = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  // JSON indexes and YAML outside the fast subset (CR line ends among them) have no preview.
  if (buf.indexOf(0x0d, start) >= 0 || /^\s*[[{]/.test(buf.toString('latin1', start, start + 64))) return undefined;
  const skeleton = previewIndexYaml(buf, start, { maxCharts });
  if (!skeleton) return undefined;
  const data = buildIndexData({ skeleton, detailText: buf, detailFormat: 'yaml', format: 'yaml', parser: 'fast', bytes: buf.length, offsetsAreSource: true });
  return data.summaries;
}
