import { plural } from './format';

/** The index's skipped entries and oddities, collapsed under one line. */
export function IndexWarnings({ warnings, count }: { warnings: string[]; count: number }) {
  if (count === 0) return null;
  return (
    <details className="index-warnings" data-testid="index-warnings">
      <summary>
        <span className="badge badge-warn">{plural(count, 'warning')}</span>
        <span className="muted"> Some entries were skipped; the rest of the index loaded.</span>
      </summary>
      <ul>
        {warnings.map((warning, i) => (
          <li key={i}>{warning}</li>
        ))}
      </ul>
      {count > warnings.length && <p className="muted">Showing the first {warnings.length} of {count.toLocaleString()}.</p>}
    </details>
  );
}
