import type { AccessEntry } from './types';

/** A token's `access` claim as a table: type, name, actions. */
export function AccessTable({ access }: { access: readonly AccessEntry[] }) {
  if (access.length === 0) return <p className="muted">The token carries no <code>access</code> entries: it grants nothing a ChartMuseum or a registry would check.</p>;
  return (
    <table className="data-table" data-testid="access-table">
      <caption className="visually-hidden">Access the token grants</caption>
      <thead>
        <tr>
          <th scope="col">Type</th>
          <th scope="col">Name</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {access.map((entry, i) => (
          <tr key={i}>
            <td>
              <code>{entry.type}</code>
            </td>
            <td>
              <code>{entry.name}</code>
            </td>
            <td>
              {entry.actions.length === 0 ? (
                <span className="muted">none</span>
              ) : (
                entry.actions.map((action) => (
                  <span key={action} className={`action-chip action-${action}`}>
                    {action}
                  </span>
                ))
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
