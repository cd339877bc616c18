import { useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { Field } from '../../components/Field';
import { toProblem, type Problem } from '../../components/problem';
import { AuthFields } from './AuthFields';
import { DetectionPanel } from './DetectionPanel';
import { applyProposal, followsProposal } from './proposal';
import { draftFromForm, emptyForm, formFromRepo, modeForUrl, nameFromUrl, validateForm, type FormErrors, type RepoForm } from './repo-form';
import { TlsFields } from './TlsFields';
import type { KeychainStatus, Repo, RepoProposal } from './types';
import { useUrlProbe } from './useUrlProbe';
import './repo-dialog.css';

/** Adds a repo (no `repo`) or edits one; a typed secret goes once to addRepo or setCredential. */
export function RepoDialog({ repo, onClose, onSaved, onKeychain, sessionOnly = false }: { repo?: Repo; onClose: () => void; onSaved: (repo: Repo) => void; onKeychain: (status?: KeychainStatus) => void; sessionOnly?: boolean }) {
  const [form, setForm] = useState<RepoForm>(() => (repo ? formFromRepo(repo) : emptyForm()));
  const [errors, setErrors] = useState<FormErrors>({});
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const secretRef = useRef<HTMLInputElement>(null);
  const set = (changes: Partial<RepoForm>) => setForm((f) => ({ ...f, ...changes }));
  // Detect, then ask: the typed URL is probed without credentials; a new repo takes the proposal until the user picks the auth by hand.
  const [authChosen, setAuthChosen] = useState(false);
  const [showTls, setShowTls] = useState(false);
  const setAuth = (changes: Partial<RepoForm>) => {
    if ('mode' in changes || 'dialect' in changes) setAuthChosen(true);
    set(changes);
  };
  const takeProposal = (proposal: RepoProposal, withUrl: boolean) => {
    setForm((f) => applyProposal(f, proposal, withUrl));
    setAuthChosen(false);
  };
  const probe = useUrlProbe(form.url, form, !repo || form.url.trim() !== repo.url, (found) => {
    if (!repo && !authChosen && found.proposal && !found.fix) setForm((f) => applyProposal(f, found.proposal as RepoProposal, false));
  });
  const proposal = probe.status === 'ready' ? probe.probe.proposal : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // An empty name takes the one suggested from the URL (shown as the placeholder).
    const filled = { ...form, name: form.name.trim() || nameFromUrl(form.url) };
    const found = validateForm(filled);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const typed = form.mode === 'none' ? '' : (secretRef.current?.value ?? '');
    setBusy(true);
    setProblem(undefined);
    try {
      const draft = draftFromForm(filled, repo);
      let saved: Repo;
      if (!repo) {
        saved = await api.addRepo({ ...draft, ...(typed ? { secret: typed } : {}) });
        if (typed) onKeychain();
      } else {
        const changes = { ...draft, ...(draft.url === repo.url ? { url: undefined } : {}) };
        saved = await api.updateRepo({ repoId: repo.id, changes });
        if (typed) {
          const result = await api.setCredential({ repoId: repo.id, secret: typed, ...(draft.auth.username ? { username: draft.auth.username } : {}) });
          saved = result.repo;
          onKeychain(result.keychain);
        }
      }
      if (secretRef.current) secretRef.current.value = '';
      onSaved(saved);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const footer = (
    <>
      <button type="button" onClick={onClose} disabled={busy}>
        Cancel
      </button>
      <button type="submit" form="repo-form" className="primary" disabled={busy}>
        {busy ? 'Saving…' : repo ? 'Save changes' : 'Add repository'}
      </button>
    </>
  );
  return (
    <Dialog title={repo ? `Edit ${repo.name}` : 'Add a repository'} onClose={onClose} busy={busy} footer={footer} testId="repo-dialog">
      <form id="repo-form" className="repo-form" onSubmit={submit} noValidate>
        <Field label="URL" error={errors.url} hint="The folder that holds index.yaml, any depth (https://charts.example.com/org1/repo1; cm:// URLs of helm-push too), or an OCI registry namespace (oci://ghcr.io/org/charts).">
          {(p) => (
            <input
              {...p}
              value={form.url}
              onChange={(e) => set({ url: e.target.value, mode: modeForUrl(form.mode, e.target.value) })}
              placeholder="https://charts.example.com/org1/repo1 or oci://ghcr.io/org/charts"
              spellCheck={false}
              autoFocus
            />
          )}
        </Field>
        <DetectionPanel state={probe} following={proposal !== undefined && followsProposal(form, proposal)} onUse={takeProposal} onShowTls={() => setShowTls(true)} />
        <Field label="Name" error={errors.name} hint="How the repo appears here and in the exported helm commands; empty takes the suggestion.">
          {(p) => <input {...p} value={form.name} onChange={(e) => set({ name: e.target.value })} placeholder={nameFromUrl(form.url) || 'my-charts'} spellCheck={false} />}
        </Field>
        <AuthFields form={form} errors={errors} set={setAuth} secretRef={secretRef} hasSecret={repo?.hasSecret ?? false} sessionOnly={sessionOnly} />
        <TlsFields form={form} errors={errors} set={set} forceOpen={showTls} />
        {problem && <ErrorBox problem={problem} title={repo ? 'The repo could not be saved' : 'The repo could not be added'} />}
      </form>
    </Dialog>
  );
}
