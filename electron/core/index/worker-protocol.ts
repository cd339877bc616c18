/** The messages between the main thread and the index parse worker. */
import type { SerializedError } from '../errors';
import type { IndexData } from './parse-result';
import type { ChartSummary } from './query-types';

/** Charts a preview carries: the list pane's first screen and then some. */
export const PREVIEW_CHARTS = 40;

/** Main thread to worker: the index bytes (transferred), the size cap, and whether to post a first page early. */
export interface WorkerRequest {
  buffer: ArrayBuffer;
  byteOffset: number;
  byteLength: number;
  maxBytes: number;
  /** Post the first this many charts as a preview before the full result. */
  previewCharts?: number;
}

/** Worker to main thread: an early first page (at most one, before the result). */
export interface WorkerPreview {
  preview: ChartSummary[];
}

/** Worker to main thread: the parsed index, or the error a user should see. */
export type WorkerResult = { ok: true; data: IndexData } | { ok: false; error: SerializedError };

/** Any message the worker posts. */
export type WorkerReply = WorkerPreview | WorkerResult;
