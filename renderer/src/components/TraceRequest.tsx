import type { MethodOutput } from '../../../electron/contract';
import { statusText, statusTone } from './http-words';
import { formatBytes } from './time-format';

type TraceEntry = MethodOutput<'connectRepo'>['trace'][number];

/** Headers worth showing without opening the details: the challenge and the credential sent. */
const KEY_HEADERS = ['www-authenticate', 'authorization'];

function HeaderList({ title, headers }: { title: string; headers: Record<string, string> }) {
  const names = Object.keys(headers);
  return (
    <div className="trace-headers">
      <h5>{title}</h5>
      {names.length === 0 ? (
        <p className="muted">none</p>
      ) : (
        <dl>
          {names.map((name) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{headers[name]}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

/** One request/response line of a trace with its key headers and a details toggle for the rest. */
export function TraceRequest({ entry }: { entry: TraceEntry }) {
  const keyHeaders = [
    ...KEY_HEADERS.filter((h) => entry.requestHeaders[h] !== undefined).map((h) => ({ dir: '→', name: h, value: entry.requestHeaders[h] ?? '' })),
    ...KEY_HEADERS.filter((h) => entry.responseHeaders[h] !== undefined).map((h) => ({ dir: '←', name: h, value: entry.responseHeaders[h] ?? '' })),
  ];
  return (
    <div className="trace-request" data-testid="trace-request" data-status={entry.status ?? ''}>
      <div className="trace-line">
        <span className="trace-method">{entry.method}</span>
        <span className="trace-url" title={entry.url}>
          {entry.url}
        </span>
        {entry.status !== undefined ? (
          <span className={`status-pill status-${statusTone(entry.status)}`}>{statusText(entry.status)}</span>
        ) : (
          <span className="status-pill status-server">no answer</span>
        )}
        <span className="trace-metric" title="Time">
          {Math.round(entry.durationMs)} ms
        </span>
        <span className="trace-metric" title={entry.encoding ? `Body size after ${entry.encoding} decoding; ${formatBytes(entry.wireBytes ?? 0)} on the wire` : 'Body size'}>
          {formatBytes(entry.bytes)}
          {entry.encoding ? ` (${entry.encoding} ${formatBytes(entry.wireBytes ?? 0)})` : ''}
        </span>
      </div>
      {keyHeaders.map((h) => (
        <p key={`${h.dir}${h.name}`} className="trace-key-header">
          <span aria-hidden="true">{h.dir} </span>
          <span className="trace-key-name">{h.name}:</span> <code>{h.value}</code>
        </p>
      ))}
      {entry.note && <p className="trace-note">{entry.note}</p>}
      {entry.warning && <p className="trace-note is-warning">{entry.warning}</p>}
      <details className="trace-details">
        <summary>All headers</summary>
        <div className="trace-header-columns">
          <HeaderList title="Request" headers={entry.requestHeaders} />
          <HeaderList title="Response" headers={entry.responseHeaders} />
        </div>
      </details>
    </div>
  );
}
