import { useState } from 'react';
import { useToasts } from '../../components/Toasts';
import { LazyDialog } from '../../lazy/LazyDialog';
import { ExportPanel } from './ExportPanel';
import { ImportAllDialog } from './lazy';

/** Settings → Move to a new machine: export every repo into one file here, import it there. */
export function TransferSection() {
  const [importing, setImporting] = useState(false);
  const toasts = useToasts();
  return (
    <>
      <h3 className="section-title">Export</h3>
      <ExportPanel />
      <h3 className="section-title">Import</h3>
      <p className="field-hint">Adds the repos of an export file. Repos with a name or URL you already have are skipped unless you choose to replace them; secrets go into this machine’s keychain-backed vault.</p>
      <button type="button" onClick={() => setImporting(true)}>
        Import from a file…
      </button>
      {importing && (
        <LazyDialog onClose={() => setImporting(false)}>
          <ImportAllDialog onClose={() => setImporting(false)} onImported={(r) => toasts.show(`Imported ${r.added.length + r.replaced.length} repo${r.added.length + r.replaced.length === 1 ? '' : 's'}.`, 'ok')} />
        </LazyDialog>
      )}
    </>
  );
}
