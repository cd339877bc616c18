/**
 * Parsing an index off the main thread: each parse runs in a fresh worker_threads Worker with a
 * heap limit and a timeout, the bytes are transferred (not copied) both ways, and the result
 * arrives as a ChartIndex ready for list, search and detail queries.
 */
import { Worker } from 'node:worker_threads';
import { ChartDeskError, ERROR_KINDS } from '../errors';
import { DEFAULT_MAX_INDEX_BYTES } from './parse-index';
import { ChartIndex } from './query-index';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

/** How the parser runs its workers. */
export interface IndexParserOptions {
  /** Path of the bundled worker, dist/index-worker.cjs. */
  workerPath: string;
  /** Give up after this long (default 60 s). */
  timeoutMs?: number;
  /** Heap limit of a worker in MB (default: 256 MB plus 40 MB per MB of input, at most 4096). */
  maxHeapMb?: number;
  /** Refuse larger inputs (default 256 MiB). */
  maxBytes?: number;
}

/** Options of one parse. */
export interface ParseCallOptions {
  /** Hand the input's memory to the worker instead of copying it (the caller's view is emptied). */
  transfer?: boolean;
}

/** Parses indexes in workers. */
export interface IndexParser {
  /** Parses and normalizes an index; rejects with ChartDeskError ('index-invalid', 'too-large', 'timeout'). */
  parse(input: Uint8Array, options?: ParseCallOptions): Promise<ChartIndex>;
}

/** Creates a parser that runs each parse in its own worker. */
export function createIndexParser(options: IndexParserOptions): IndexParser {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INDEX_BYTES;
  return {
    parse(input, call = {}) {
      if (input.byteLength > maxBytes) {
        return Promise.reject(new ChartDeskError('too-large', 'index-parse', `The index is larger than the ${Math.round(maxBytes / 1048576)} MB ChartDesk accepts.`));
      }
      const heapMb = options.maxHeapMb ?? Math.min(4096, 256 + 40 * Math.ceil(input.byteLength / 1048576));
      return runWorker(options.workerPath, ownedBytes(input, call.transfer === true), maxBytes, heapMb, timeoutMs);
    },
  };
}

/** A view whose ArrayBuffer can be transferred: the input itself when allowed, else a copy. */
function ownedBytes(input: Uint8Array, transfer: boolean): Uint8Array {
  const whole = input.buffer instanceof ArrayBuffer && input.byteOffset === 0 && input.byteLength === input.buffer.byteLength;
  if (transfer && whole) return input;
  const copy = new Uint8Array(input.byteLength);
  copy.set(input);
  return copy;
}

function runWorker(workerPath: string, bytes: Uint8Array, maxBytes: number, heapMb: number, timeoutMs: number): Promise<ChartIndex> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerPath, { resourceLimits: { maxOldGenerationSizeMb: heapMb, stackSizeMb: 4 } });
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
    worker.on('message', (reply: WorkerReply) => {
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
    const request: WorkerRequest = { buffer: bytes.buffer as ArrayBuffer, byteOffset: bytes.byteOffset, byteLength: bytes.byteLength, maxBytes };
    worker.postMessage(request, [request.buffer]);
  });
}

function toError(error: { kind: string; step: string; message: string; hint?: string }): ChartDeskError {
  const kind = (ERROR_KINDS as readonly string[]).includes(error.kind) ? (error.kind as (typeof ERROR_KINDS)[number]) : 'internal';
  return new ChartDeskError(kind, error.step, error.message, error.hint === undefined ? {} : { hint: error.hint });
}
