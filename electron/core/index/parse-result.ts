/**
 * What a parse produces and what crosses from the parse worker to the main thread: compact
 * columns (typed arrays are transferred, not copied), the chart summaries, and the bytes each
 * version's details are decoded from on demand.
 */
import type { ChartSummary, IndexSourceFacts, IndexWarning } from './query-types';

/** A parsed, normalized index in transferable form. */
export interface IndexData extends IndexSourceFacts {
  /** Bytes holding every version's entry: the source itself (fast path) or JSON text. */
  detailText: Uint8Array;
  detailFormat: 'yaml' | 'json';
  /** Chart names, sorted. */
  chartNames: string[];
  /** Chart i's versions are [chartFirst[i], chartFirst[i + 1]) in the version columns. */
  chartFirst: Uint32Array;
  /** Version text of every kept entry, newest first within each chart. */
  versions: string[];
  /** Three numbers per version: start, end and key column of its entry in detailText. */
  locators: Uint32Array;
  /** Per version: FLAG_DUPLICATE when an earlier entry has the same version. */
  flags: Uint8Array;
  /** One per chart, in chartNames order. */
  summaries: ChartSummary[];
  /** The first warnings (capped); warningCount has the total. */
  warnings: IndexWarning[];
  warningCount: number;
}

/** Flag bit: another entry of the chart with the same version comes first. */
export const FLAG_DUPLICATE = 1;

/** The buffers to transfer (not copy) when posting an IndexData to another thread. */
export function transferListOf(data: IndexData): ArrayBuffer[] {
  const list = new Set<ArrayBuffer>();
  for (const view of [data.detailText, data.chartFirst, data.locators, data.flags]) {
    if (view.buffer instanceof ArrayBuffer && view.byteOffset === 0 && view.byteLength === view.buffer.byteLength) list.add(view.buffer);
  }
  return [...list];
}
