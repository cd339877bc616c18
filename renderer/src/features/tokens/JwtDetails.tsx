import { JsonView } from '../../components/JsonView';
import { AccessTable } from './AccessTable';
import type { AccessEntry } from './types';

/** A decoded JWT's access table and its header and claims as pretty JSON. */
export function JwtDetails({ header, claims, access }: { header: Record<string, unknown>; claims: Record<string, unknown>; access: readonly AccessEntry[] }) {
  return (
    <>
      <section className="panel" aria-labelledby="access-title">
        <h3 id="access-title" className="section-title">
          Access
        </h3>
        <AccessTable access={access} />
      </section>
      <div className="json-pair">
        <JsonView value={header} label="Header" testId="jwt-header" />
        <JsonView value={claims} label="Claims" testId="jwt-claims" />
      </div>
    </>
  );
}
