import type { HelmImportReport } from './types';

/** What an import from Helm did: each imported repo (password moved or not, warnings) and each skipped one with why. */
export function ImportReport({ report }: { report: HelmImportReport }) {
  const moved = report.imported.filter((i) => i.passwordMoved).length;
  return (
    <div className="import-report" data-testid="import-report">
      <p>
        Read <code>{report.path}</code>: {report.imported.length} imported, {report.skipped.length} skipped.
        {moved > 0 && (report.keychain.state === 'available' ? ` ${moved} password${moved === 1 ? '' : 's'} moved into the keychain.` : ` ${moved} password${moved === 1 ? '' : 's'} kept in memory for this session only (no keychain).`)}
      </p>
      {report.imported.length > 0 && (
        <section aria-labelledby="import-imported">
          <h3 id="import-imported">Imported</h3>
          <ul className="report-list">
            {report.imported.map((item) => (
              <li key={item.repoId} className="report-ok">
                <span className="report-mark" aria-hidden="true">
                  ✓
                </span>
                <strong>{item.name}</strong>
                {item.passwordMoved && <span className="badge">{report.keychain.state === 'available' ? 'password → keychain' : 'password → memory (this session)'}</span>}
                {item.warnings.map((w, i) => (
                  <p key={i} className="report-warning">
                    ⚠ {w}
                  </p>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.skipped.length > 0 && (
        <section aria-labelledby="import-skipped">
          <h3 id="import-skipped">Skipped</h3>
          <ul className="report-list">
            {report.skipped.map((item, i) => (
              <li key={i} className="report-skipped">
                <span className="report-mark" aria-hidden="true">
                  –
                </span>
                <strong>{item.name}</strong>
                <p className="muted">{item.reason}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
