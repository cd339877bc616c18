import type { DiffCell, DiffRow } from './diffRows';

function Cells({ cell, side, kind }: { cell?: DiffCell; side: 'left' | 'right'; kind: DiffRow['kind'] }) {
  const changed = kind === 'change' && cell ? (side === 'left' ? 'diff-removed' : 'diff-added') : kind === 'change' ? 'diff-empty' : '';
  return (
    <>
      <td className={`diff-num ${changed}`}>{cell?.line ?? ''}</td>
      <td className={`diff-text ${changed}`}>
        {cell && kind === 'change' && <span className="diff-sign" aria-label={side === 'left' ? 'removed' : 'added'}>{side === 'left' ? '−' : '+'}</span>}
        {cell?.text ?? ''}
      </td>
    </>
  );
}

/** The side-by-side diff: old version on the left, new on the right, folds for unchanged stretches. */
export function DiffTable({ rows, onExpand, from, to }: { rows: DiffRow[]; onExpand: (part: number) => void; from: string; to: string }) {
  return (
    <table className="diff-table mono" data-testid="diff-side-by-side">
      <colgroup>
        <col className="diff-num-col" />
        <col />
        <col className="diff-num-col" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th colSpan={2} scope="colgroup">
            {from}
          </th>
          <th colSpan={2} scope="colgroup">
            {to}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) =>
          row.kind === 'fold' ? (
            <tr key={i} className="diff-fold">
              <td colSpan={4}>
                <button type="button" className="link-button" onClick={() => onExpand(row.part)}>
                  ⋯ Show {row.count.toLocaleString()} unchanged lines
                </button>
              </td>
            </tr>
          ) : (
            <tr key={i} className={row.kind === 'change' ? 'diff-row-change' : undefined}>
              <Cells cell={row.left} side="left" kind={row.kind} />
              <Cells cell={row.right} side="right" kind={row.kind} />
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
