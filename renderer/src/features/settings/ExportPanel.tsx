import { useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { Field } from '../../components/Field';
import { toProblem, type Problem } from '../../components/problem';
import { SecretInput } from '../../components/SecretInput';
import { downloadText } from './download';

const MIN_PASSPHRASE = 8;

/** Export every repo (and the settings) into one file; with secrets, encrypted with a passphrase typed twice. */
export function ExportPanel() {
  const name = useId();
  const [withSecrets, setWithSecrets] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [done, setDone] = useState<string>();
  const first = useRef<HTMLInputElement>(null);
  const second = useRef<HTMLInputElement>(null);
  const run = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    setDone(undefined);
    const passphrase = first.current?.value ?? '';
    if (withSecrets) {
      if ([...passphrase].length < MIN_PASSPHRASE) return setProblem({ kind: 'bad-request', step: 'passphrase', message: `The passphrase needs at least ${MIN_PASSPHRASE} characters: it is all that protects the secrets in the file.` });
      if (passphrase !== (second.current?.value ?? '')) return setProblem({ kind: 'bad-request', step: 'passphrase', message: 'The two passphrases differ. Type the same passphrase twice.' });
    }
    setBusy(true);
    try {
      const result = await api.exportAllRepos(withSecrets ? { withSecrets, passphrase } : { withSecrets });
      downloadText(result.fileName, result.content);
      if (first.current) first.current.value = '';
      if (second.current) second.current.value = '';
      const what = result.encrypted ? `${result.secretCount} secret${result.secretCount === 1 ? '' : 's'}, encrypted with your passphrase` : 'no secrets';
      setDone(`Saved ${result.fileName}: ${result.repoCount} repo${result.repoCount === 1 ? '' : 's'} and the settings (${what}).`);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
    return undefined;
  };
  return (
    <form onSubmit={run} data-testid="export-panel">
      <fieldset className="segmented">
        <legend className="visually-hidden">What the file holds</legend>
        {[false, true].map((choice) => (
          <label key={String(choice)} className={withSecrets === choice ? 'is-selected' : ''}>
            <input type="radio" name={name} checked={withSecrets === choice} onChange={() => setWithSecrets(choice)} />
            {choice ? 'With secrets (encrypted)' : 'Without secrets'}
          </label>
        ))}
      </fieldset>
      <p className="field-hint">
        {withSecrets
          ? 'The whole file is encrypted with your passphrase (scrypt and AES-256-GCM). Without it nobody can read it, not even ChartDesk: keep the passphrase somewhere safe.'
          : 'Repos, their settings and the app settings in plain JSON; no password, API key or token. You set the secrets again on the new machine.'}
      </p>
      {withSecrets && (
        <div className="field-row">
          <Field label="Passphrase" hint={`At least ${MIN_PASSPHRASE} characters; a few unrelated words are good.`}>
            {(p) => <SecretInput {...p} inputRef={first} testId="export-passphrase" />}
          </Field>
          <Field label="Type it again">{(p) => <SecretInput {...p} inputRef={second} testId="export-passphrase-again" />}</Field>
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Exporting…' : 'Export all repos…'}
        </button>
      </div>
      {done && (
        <p className="verdict verdict-ok" role="status">
          <span className="verdict-icon" aria-hidden="true">
            ✓
          </span>
          <span>{done}</span>
        </p>
      )}
      {problem && <ErrorBox problem={problem} title="Nothing was exported" />}
    </form>
  );
}
