/**
 * Parsing an index off the main thread: each parse runs in its own worker_threads Worker with a
 * heap limit and a timeout, the bytes are transferred (not copied) both ways, and the result
 * arrives as a ChartIndex ready for list, search and detail queries. `prepare()` starts the next
 * parse's worker while the index is still downloading, so its start-up is not waited for.
 */
import { Worker } from 'node:worker_threads';
import { ChartDeskError } from '../errors';
import { DEFAULT_MAX_INDEX_BYTES } from './parse-index';
import type { ChartIndex } from './query-index';
import type { ChartSummary } from './query-types';
import { runParseWorker } from './parse-worker-run';

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
  /** Told the index's first charts (sorted by name) before the whole index is read; block-style YAML only. */
  onPreview?: (charts: ChartSummary[]) => void;
}

/** Parses indexes in workers. */
export interface IndexParser {
  /** Parses and normalizes an index; rejects with ChartDeskError ('index-invalid', 'too-large', 'timeout'). */
  parse(input: Uint8Array, options?: ParseCallOptions): Promise<ChartIndex>;
  /** Starts a worker for the next parse now (call it when a download starts); it keeps no process alive. */
  prepare(): void;
}

/** The input size a prepared worker's heap limit is set for; bigger inputs get a worker of their own. */
const PREPARED_FOR_BYTES = 32 * 1048576;

/** Creates a parser that runs each parse in its own worker. */
export function createIndexParser(options: IndexParserOptions): IndexParser {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_INDEX_BYTES;
  const heapFor = (bytes: number): number => options.maxHeapMb ?? Math.min(4096, 256 + 40 * Math.ceil(bytes / 1048576));
  const start = (heapMb: number): Worker => new Worker(options.workerPath, { resourceLimits: { maxOldGenerationSizeMb: heapMb, stackSizeMb: 4 } });
  let prepared: { worker: Worker; heapMb: number } | undefined;

  const takePrepared = (heapMb: number): Worker | undefined => {
    const ready = prepared;
    prepared = undefined;
    if (ready && ready.heapMb >= heapMb) return ready.worker;
    if (ready) void ready.worker.terminate();
    return undefined;
  };

  return {
    parse(input, call = {}) {
      if (input.byteLength > maxBytes) {
        return Promise.reject(new ChartDeskError('too-large', 'index-parse', `The index is larger than the ${Math.round(maxBytes / 1048576)} MB ChartDesk accepts.`));
      }
      const heapMb = heapFor(input.byteLength);
      const worker = takePrepared(heapMb) ?? start(heapMb);
      return runParseWorker({ worker, bytes: ownedBytes(input, call.transfer === true), maxBytes, heapMb, timeoutMs, ...(call.onPreview ? { onPreview: call.onPreview } : {}) });
    },
    prepare() {
      if (prepared) return;
      const heapMb = heapFor(PREPARED_FOR_BYTES);
      const worker = start(heapMb);
      worker.unref();
      // A prepared worker that dies before use is simply not used.
      const drop = () => {
        if (prepared?.worker === worker) prepared = undefined;
      };
      worker.on('error', drop);
      worker.on('exit', drop);
      prepared = { worker, heapMb };
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
