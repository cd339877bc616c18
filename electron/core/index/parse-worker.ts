/**
 * The parse worker (bundled to dist/index-worker.cjs): parses one index off the main thread and
 * posts the IndexData back, transferring its buffers instead of copying them. Asked for a preview,
 * it first posts the summaries of the index's first charts.
 */
import { parentPort } from 'node:worker_threads';
import { serializeError } from '../errors';
import { parseIndex } from './parse-index';
import { previewIndex } from './parse-preview';
import { transferListOf } from './parse-result';
import type { WorkerPreview, WorkerResult, WorkerRequest } from './worker-protocol';

const port = parentPort;
if (port !== null) {
  port.on('message', (request: WorkerRequest) => {
    const bytes = new Uint8Array(request.buffer, request.byteOffset, request.byteLength);
    if (request.previewCharts !== undefined && request.byteLength <= request.maxBytes) {
      try {
        const preview = previewIndex(bytes, request.previewCharts);
        if (preview) port.postMessage({ preview } satisfies WorkerPreview);
      } catch {
        // A preview is a courtesy: the full parse reports whatever is wrong with the document.
      }
    }
    let reply: WorkerResult;
    try {
      const data = parseIndex(bytes, { maxBytes: request.maxBytes });
      reply = { ok: true, data };
      port.postMessage(reply, transferListOf(data));
    } catch (error) {
      reply = { ok: false, error: serializeError(error) };
      port.postMessage(reply);
    }
  });
}
