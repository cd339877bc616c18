import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { CheckField, Field } from '../../components/Field';
import { toProblem, type Problem } from '../../components/problem';
import { SecretInput } from '../../components/SecretInput';
import { ImportPlanTable } from './ImportPlanTable';
import type { ImportPlan, ImportResult } from './types';

/** True when the chosen file says it is encrypted (the core checks everything else). */
function looksEncrypted(content: string): boolean {
  try {
    return (JSON.parse(content) as { encrypted?: unknown }).encrypted === true;
  } catch {
    return false;
  }
}

/** Import an export file: choose it, unlock it if encrypted, see what it adds, skips or replaces, then import. */
export function ImportAllDialog({ onClose, onImported }: { onClose: () => void; onImported: (result: ImportResult) => void }) {
  const [content, setContent] = useState<string>();
  const [fileName, setFileName] = useState('');
  const [plan, setPlan] = useState<ImportPlan>();
  const [replace, setReplace] = useState<number[]>([]);
  const [applySettings, setApplySettings] = useState(false);
  const [result, setResult] = useState<ImportResult>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const passphraseInput = useRef<HTMLInputElement>(null);
  // Kept out of React state and the DOM between preview and import; dropped when the dialog closes.
  const passphrase = useRef<string | undefined>(undefined);
  const encrypted = content !== undefined && looksEncrypted(content);

  const preview = async (text: string) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const next = await api.previewImportAll({ content: text, ...(passphrase.current !== undefined ? { passphrase: passphrase.current } : {}) });
      setPlan(next);
      setReplace([]);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setPlan(undefined);
    setProblem(undefined);
    passphrase.current = undefined;
    if (!file) return;
    const text = await file.text();
    setFileName(file.name);
    setContent(text);
    if (!looksEncrypted(text)) await preview(text);
  };
  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    passphrase.current = passphraseInput.current?.value ?? '';
    if (content !== undefined) await preview(content);
  };
  const run = async () => {
    if (content === undefined) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const done = await api.importAllRepos({ content, replace, applySettings, ...(passphrase.current !== undefined ? { passphrase: passphrase.current } : {}) });
      passphrase.current = undefined;
      setResult(done);
      onImported(done);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    passphrase.current = undefined;
    onClose();
  };
  const importing = plan ? plan.items.filter((i) => i.action === 'add' || replace.includes(i.index)).length : 0;
  const footer = result ? (
    <button type="button" className="primary" onClick={close}>
      Done
    </button>
  ) : (
    <>
      <button type="button" onClick={close} disabled={busy}>
        Cancel
      </button>
      <button type="button" className="primary" onClick={() => void run()} disabled={busy || !plan || (importing === 0 && !applySettings)}>
        {busy && plan ? 'Importing…' : `Import ${importing} repo${importing === 1 ? '' : 's'}`}
      </button>
    </>
  );
  return (
    <Dialog title="Import repos from a ChartDesk export" onClose={close} busy={busy} footer={footer} size="lg" testId="import-all-dialog">
      {result ? (
        <ImportSummary result={result} />
      ) : (
        <>
          <Field label="Export file" hint="The .json file written by Export on the other machine (or by chartdesk repos export-all).">
            {(p) => <input {...p} type="file" accept=".json,application/json" onChange={(e) => void choose(e)} data-testid="import-file" />}
          </Field>
          {encrypted && !plan && (
            <form onSubmit={unlock} className="import-unlock">
              <Field label="Passphrase" hint={`${fileName} is encrypted: type the passphrase chosen when it was exported.`}>
                {(p) => <SecretInput {...p} inputRef={passphraseInput} testId="import-passphrase" />}
              </Field>
              <button type="submit" className="primary" disabled={busy}>
                {busy ? 'Unlocking…' : 'Unlock'}
              </button>
            </form>
          )}
          {plan && (
            <>
              <p>
                {fileName}: exported {new Date(plan.exportedAt).toLocaleString()} by {plan.exportedBy}
                {plan.encrypted ? ', with secrets (they go into this machine’s vault).' : ', without secrets.'}
              </p>
              <ImportPlanTable plan={plan} replace={replace} onReplace={setReplace} />
              {plan.hasSettings && <CheckField label="Also take over its app settings" hint="Theme, network defaults, index and cache limits (session-only mode stays as it is here)." checked={applySettings} onChange={setApplySettings} testId="import-apply-settings" />}
            </>
          )}
          {problem && <ErrorBox problem={problem} title="Nothing was imported" />}
        </>
      )}
    </Dialog>
  );
}

/** What an import did, in a few lines. */
function ImportSummary({ result }: { result: ImportResult }) {
  return (
    <div data-testid="import-all-report">
      <p className="verdict verdict-ok">
        <span className="verdict-icon" aria-hidden="true">
          ✓
        </span>
        <span>
          {result.added.length} added, {result.replaced.length} replaced, {result.skipped.length} skipped
          {result.secretsStored > 0 && `; ${result.secretsStored} secret${result.secretsStored === 1 ? '' : 's'} stored ${result.keychain.state === 'available' ? 'in the keychain-backed vault' : 'in memory for this session (no keychain)'}`}
          {result.settingsApplied && '; settings taken over'}.
        </span>
      </p>
      {result.skipped.length > 0 && (
        <ul className="report-list">
          {result.skipped.map((item, i) => (
            <li key={i} className="report-skipped">
              <strong>{item.name}</strong> <span className="muted">{item.reason}</span>
            </li>
          ))}
        </ul>
      )}
      {result.notes.map((note, i) => (
        <p key={i} className="inline-warning">
          {note}
        </p>
      ))}
    </div>
  );
}
