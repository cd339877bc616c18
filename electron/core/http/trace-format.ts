/** Renders a (redacted) trace as text lines, for the CLI's --trace and for logs. */
import type { TraceEntry } from './trace';

/** One block per request: the request line with step and outcome, chosen headers, and notes. */
export function formatTrace(entries: readonly TraceEntry[]): string {
  const lines: string[] = [];
  for (const entry of entries) {
    if (!entry.method) {
      lines.push(`[${entry.step}] ${entry.note ?? ''}${entry.warning ? `  WARNING: ${entry.warning}` : ''}`);
      continue;
    }
    const outcome = entry.status === undefined ? 'no response' : `${entry.status}`;
    const size = entry.encoding ? `${entry.bytes} bytes (${entry.encoding}: ${entry.wireBytes ?? '?'} bytes on the wire)` : `${entry.bytes} bytes`;
    lines.push(`[${entry.step}] ${entry.method} ${entry.url} -> ${outcome} in ${entry.durationMs} ms, ${size}`);
    for (const [name, value] of Object.entries(entry.requestHeaders)) lines.push(`    > ${name}: ${value}`);
    for (const [name, value] of Object.entries(entry.responseHeaders)) lines.push(`    < ${name}: ${value}`);
    if (entry.note) lines.push(`    ${entry.note}`);
    if (entry.warning) lines.push(`    WARNING: ${entry.warning}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
