import type { ImportPlan } from './types';

/** The repos of an export file: each is added, or skipped (same name or URL) unless the user ticks Replace. */
export function ImportPlanTable({ plan, replace, onReplace }: { plan: ImportPlan; replace: number[]; onReplace: (indexes: number[]) => void }) {
  const toggle = (index: number, on: boolean) => onReplace(on ? [...replace, index] : replace.filter((i) => i !== index));
  return (
    <table className="data-table import-plan" data-testid="import-plan">
      <thead>
        <tr>
          <th scope="col">Repo</th>
          <th scope="col">What happens</th>
        </tr>
      </thead>
      <tbody>
        {plan.items.map((item) => {
          const replacing = replace.includes(item.index);
          return (
            <tr key={item.index} data-testid="import-item" data-action={replacing ? 'replace' : item.action}>
              <td>
                <strong>{item.name}</strong>
                {item.hasSecret && <span className="badge">with secret</span>}
                <p className="muted import-url">{item.url}</p>
              </td>
              <td>
                {item.action === 'add' ? (
                  <span className="status-pill status-ok">Add</span>
                ) : (
                  <>
                    <span className={replacing ? 'status-pill status-client' : 'status-pill'}>{replacing ? `Replace ${item.replaces?.name ?? ''}` : 'Skip'}</span>
                    <p className="muted">{item.reason}</p>
                    {item.replaces && (
                      <label className="import-replace">
                        <input type="checkbox" checked={replacing} onChange={(e) => toggle(item.index, e.target.checked)} /> Replace “{item.replaces.name}” with this one
                      </label>
                    )}
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
