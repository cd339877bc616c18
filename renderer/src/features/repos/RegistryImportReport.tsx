import type { MethodOutput } from '../../../../electron/contract';

type Report = MethodOutput<'importRegistryAuth'>;

/** What an import of registry logins did: the files read, each registry imported (from where) and each skipped with why. */
export function RegistryImportReport({ report }: { report: Report }) {
  const inKeychain = report.keychain.state === 'available';
  return (
    <div className="import-report" data-testid="registry-import-report">
      <ul className="report-list" aria-label="Files read">
        {report.files.map((f) => (
          <li key={f.path} className={f.problem ? 'report-skipped' : 'report-ok'}>
            <span className="report-mark" aria-hidden="true">
              {f.problem ? '!' : f.found ? '✓' : '–'}
            </span>
            <code>{f.path}</code> <span className="muted">({f.format})</span>
            <p className="muted">{f.problem ?? (f.found ? 'Read.' : 'Not there.')}</p>
          </li>
        ))}
      </ul>
      <p>
        {report.imported.length} imported, {report.skipped.length} skipped.
        {report.imported.length > 0 && (inKeychain ? ' Their secrets are now in the keychain-backed vault.' : ' Their secrets are kept in memory for this session only (no keychain).')}
      </p>
      {report.imported.length > 0 && (
        <section aria-labelledby="registry-imported">
          <h3 id="registry-imported">Imported</h3>
          <ul className="report-list">
            {report.imported.map((item) => (
              <li key={item.repoId} className="report-ok">
                <span className="report-mark" aria-hidden="true">
                  ✓
                </span>
                <strong>{item.name}</strong> <span className="muted">from {item.source}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.skipped.length > 0 && (
        <section aria-labelledby="registry-skipped">
          <h3 id="registry-skipped">Skipped</h3>
          <ul className="report-list">
            {report.skipped.map((item, i) => (
              <li key={i} className="report-skipped">
                <span className="report-mark" aria-hidden="true">
                  –
                </span>
                <strong>{item.registry}</strong>
                <p className="muted">{item.reason}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
