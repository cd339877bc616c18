/** One redacted line of the request/response trace: plain data, safe to show, log or send to the UI. */
export interface TraceEntry {
  /** Which step of the flow this request belongs to: 'challenge', 'token', 'retry', 'request', 'redirect'. */
  step: string;
  method: string;
  /** The URL with query-string secrets redacted. */
  url: string;
  /** Response status; absent when the request failed before a response. */
  status?: number;
  /** Selected request headers, credentials masked. */
  requestHeaders: Record<string, string>;
  /** Selected response headers (challenge, content type, date...). */
  responseHeaders: Record<string, string>;
  durationMs: number;
  /** Response body bytes, after decoding any content coding. */
  bytes: number;
  /** The content codings the server applied (Content-Encoding, e.g. "gzip"), when it compressed the body. */
  encoding?: string;
  /** Body bytes on the wire, when the body was compressed (bytes is then the decoded size). */
  wireBytes?: number;
  /** A sentence about what happened or why (e.g. "realm answered 404; trying dialect B"). */
  note?: string;
  /** Marks entries that deserve attention (e.g. TLS verification disabled). */
  warning?: string;
}

/** Collects trace entries for one flow; cheap, append-only. */
export interface TraceRecorder {
  add(entry: TraceEntry): void;
  note(step: string, note: string, warning?: string): void;
  readonly entries: TraceEntry[];
}

/** Creates an empty trace recorder. */
export function createTrace(): TraceRecorder {
  const entries: TraceEntry[] = [];
  return {
    entries,
    add(entry) {
      entries.push(entry);
    },
    note(step, note, warning) {
      const entry: TraceEntry = { step, method: '', url: '', requestHeaders: {}, responseHeaders: {}, durationMs: 0, bytes: 0, note };
      if (warning !== undefined) entry.warning = warning;
      entries.push(entry);
    },
  };
}
