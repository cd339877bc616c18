/** Runs one parse in a worker thread: bytes in (transferred), an early preview and the result out, with a timeout. */
import type { Worker } from 'node:worker_threads';
import { ChartDeskError, ERROR_KINDS } from '../errors';
import { ChartIndex } from './query-index';
import type { ChartSummary } from './query-types';
import { PREVIEW_CHARTS, type WorkerReply, type WorkerRequest } from './worker-protocol';

/** One parse's inputs. */
export interface WorkerRun {
  worker: Worker;
  bytes: Uint8Array;
  maxBytes: number;
  heapMb: number;
  timeoutMs: number;
  onPreview?: (charts: ChartSummary[]) => void;
}

/** Posts the bytes to `run.worker` and settles with its answer; the worker is terminated either way. */
export function runParseWorker(run: WorkerRun): Promise<ChartIndex> {
  const { worker, bytes, heapMb, timeoutMs, onPreview } = run;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => {
      finish(() => reject(new ChartDeskError('timeout', 'index-parse', `Reading the index took longer than ${Math.round(timeoutMs / 1000)} seconds; it was stopped.`)));
    }, timeoutMs);
    worker.removeAllListeners();
    worker.ref();
    worker.on('message', (reply: WorkerReply) => {
      if ('preview' in reply) {
        if (!settled) onPreview?.(reply.preview);
        return;
      }
      finish(() => (reply.ok ? resolve(new ChartIndex(reply.data)) : reject(toError(reply.error))));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const message =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `Reading the index needed more than the ${heapMb} MB of memory ChartDesk allows; it was stopped.`
          : 'The index reader stopped unexpectedly.';
      finish(() => reject(new ChartDeskError(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too-large' : 'internal', 'index-parse', message, { cause: error })));
    });
    worker.on('exit', () => finish(() => reject(new ChartDeskError('internal', 'index-parse', 'The index reader stopped unexpectedly.'))));
    const request: WorkerRequest = { buffer: bytes.buffer as ArrayBuffer, byteOffset: bytes.byteOffset, byteLength: bytes.byteLength, maxBytes: run.maxBytes, ...(onPreview ? { previewCharts: PREVIEW_CHARTS } : {}) };
    worker.postMessage(request, [request.buffer]);
  });
}

function toError(error: { kind: string; step: string; message: string; hint?: string }): ChartDeskError {
  const kind = (ERROR_KINDS as readonly string[]).includes(error.kind) ? (error.kind as (typeof ERROR_KINDS)[number]) : 'internal';
  return new ChartDeskError(kind, error.step, error.message, error.hint === undefined ? {} : { hint: error.hint });
}
