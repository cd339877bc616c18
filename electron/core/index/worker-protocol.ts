/** The messages between the main thread and the index parse worker. */
import type { SerializedError } from '../errors';
import type { IndexData } from './parse-result';

/** Main thread to worker: the index bytes (transferred) and the size cap. */
export interface WorkerRequest {
  buffer: ArrayBuffer;
  byteOffset: number;
  byteLength: number;
  maxBytes: number;
}

/** Worker to main thread: the parsed index, or the error a user should see. */
export type WorkerReply = { ok: true; data: IndexData } | { ok: false; error: SerializedError };
