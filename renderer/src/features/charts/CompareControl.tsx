import { useState } from 'react';
import { useAfterPaint } from '../../hooks/useAfterPaint';

/** Two version pickers (over the chart's version strings, newest first) and a button that opens the values diff between them. */
export function CompareControl({ versions, onCompare, initialTo }: { versions: readonly string[]; onCompare: (from: string, to: string) => void; initialTo?: string }) {
  const unique = [...new Set(versions)];
  const toDefault = initialTo ?? unique[0] ?? '';
  const fromDefault = unique[unique.indexOf(toDefault) + 1] ?? unique[0] ?? '';
  const [from, setFrom] = useState(fromDefault);
  const [to, setTo] = useState(toDefault);
  // A chart with hundreds of versions makes both lists long: they fill in after the view has painted, showing the chosen versions meanwhile.
  const painted = useAfterPaint();
  const choices = painted ? unique : unique.filter((v) => v === from || v === to);
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
        {choices.map((v) => (
          <option key={v}>{v}</option>
        ))}
      </select>
      <span aria-hidden="true">→</span>
      <select aria-label="Newer version" value={to} onChange={(e) => setTo(e.target.value)} data-testid="compare-to">
        {choices.map((v) => (
          <option key={v}>{v}</option>
        ))}
      </select>
      <button type="submit" disabled={from === to} data-testid="compare-go">
        Compare
      </button>
    </form>
  );
}
