import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { toProblem } from '../../components/problem';
import { useAsync } from '../../hooks/useAsync';
import { DetailLoading } from './DetailLoading';
import { DiffTable } from './DiffTable';
import { diffRows, unifiedLineClass, unifiedLines } from './diffRows';
import type { ValuesDiff } from './types';

function DiffBody({ diff, mode }: { diff: ValuesDiff; mode: 'split' | 'unified' }) {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const rows = useMemo(() => diffRows(diff.parts, expanded), [diff.parts, expanded]);
  if (diff.added === 0 && diff.removed === 0) {
    return <p className="diff-identical" data-testid="diff-identical">The values.yaml of {diff.from} and {diff.to} are identical.</p>;
  }
  if (mode === 'unified') {
    return (
      <pre className="diff-unified mono" data-testid="diff-unified">
        {unifiedLines(diff.unified).map((line, i) => (
          <span key={i} className={`diff-line ${unifiedLineClass(line)}`}>
            {line}
            {'\n'}
          </span>
        ))}
      </pre>
    );
  }
  return <DiffTable rows={rows} from={diff.from} to={diff.to} onExpand={(part) => setExpanded((s) => new Set([...s, part]))} />;
}

/** The values.yaml of two versions compared, side by side or as a unified patch. */
export function ValuesDiffView({ repoId, chart, from, to, onBack }: { repoId: string; chart: string; from: string; to: string; onBack: () => void }) {
  const [state, reload] = useAsync(() => api.diffValues({ repoId, name: chart, from, to }), `${repoId}\n${chart}\n${from}\n${to}`);
  const [mode, setMode] = useState<'split' | 'unified'>('split');
  return (
    <article className="diff-view" data-testid="diff-view" aria-labelledby="diff-view-title">
      <header className="detail-head">
        <button type="button" className="back-button" onClick={onBack}>
          ← {chart}
        </button>
        <h2 id="diff-view-title">
          values.yaml <span className="mono">{from}</span> → <span className="mono">{to}</span>
        </h2>
        {state.status === 'ready' && (
          <span className="diff-stats" data-testid="diff-stats">
            <span className="diff-stat-added">+{state.value.added}</span> <span className="diff-stat-removed">−{state.value.removed}</span>
          </span>
        )}
        <div className="segmented" role="radiogroup" aria-label="Diff layout">
          {(['split', 'unified'] as const).map((m) => (
            <button key={m} type="button" role="radio" aria-checked={mode === m} className={mode === m ? 'on' : ''} onClick={() => setMode(m)}>
              {m === 'split' ? 'Side by side' : 'Unified'}
            </button>
          ))}
        </div>
      </header>
      {state.status === 'loading' && <DetailLoading>Downloading both versions and comparing their values…</DetailLoading>}
      {state.status === 'error' && (
        <ErrorBox problem={toProblem(state.error)} title="Could not compare the values">
          <button type="button" onClick={reload}>
            Try again
          </button>
        </ErrorBox>
      )}
      {state.status === 'ready' && <DiffBody diff={state.value} mode={mode} />}
    </article>
  );
}
