import { useState } from 'react';
import type { ChartVersion } from './types';

/** Two version pickers and a button that opens the values diff between them. */
export function CompareControl({ versions, onCompare, initialTo }: { versions: ChartVersion[]; onCompare: (from: string, to: string) => void; initialTo?: string }) {
  const unique = [...new Set(versions.map((v) => v.version))];
  const toDefault = initialTo ?? unique[0] ?? '';
  const fromDefault = unique[unique.indexOf(toDefault) + 1] ?? unique[0] ?? '';
  const [from, setFrom] = useState(fromDefault);
  const [to, setTo] = useState(toDefault);
  if (unique.length < 2) return null;
  return (
    <form
      className="compare-control"
      aria-label="Compare values of two versions"
      onSubmit={(event) => {
        event.preventDefault();
        onCompare(from, to);
      }}
    >
      <span className="muted">Compare values</span>
      <select aria-label="Older version" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="compare-from">
        {unique.map((v) => (
          <option key={v}>{v}</option>
        ))}
      </select>
      <span aria-hidden="true">→</span>
      <select aria-label="Newer version" value={to} onChange={(e) => setTo(e.target.value)} data-testid="compare-to">
        {unique.map((v) => (
          <option key={v}>{v}</option>
        ))}
      </select>
      <button type="submit" disabled={from === to} data-testid="compare-go">
        Compare
      </button>
    </form>
  );
}
