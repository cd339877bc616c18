/**
 * The parse worker (bundled to dist/index-worker.cjs): parses one index off the main thread and
 * posts the IndexData back, transferring its buffers instead of copying them.
 */
import { parentPort } from 'node:worker_threads';
import { serializeError } from '../errors';
import { parseIndex } from './parse-index';
import { transferListOf } from './parse-result';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

const port = parentPort;
if (port !== null) {
  port.on('message', (request: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      const data = parseIndex(new Uint8Array(request.buffer, request.byteOffset, request.byteLength), { maxBytes: request.maxBytes });
      reply = { ok: true, data };
      port.postMessage(reply, transferListOf(data));
    } catch (error) {
      reply = { ok: false, error: serializeError(error) };
      port.postMessage(reply);
    }
  });
}
