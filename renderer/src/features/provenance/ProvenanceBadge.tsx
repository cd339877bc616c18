import { useState } from 'react';
import { api } from '../../api/client';
import { CopyButton } from '../../components/CopyButton';
import { toProblem } from '../../components/problem';
import { useAsync } from '../../hooks/useAsync';
import { KeyringDialog } from './KeyringDialog';
import { groupFingerprint, statusWords } from './provenance-words';
import type { ProvenanceResult } from './types';
import './provenance.css';

/** Pins (or unpins) the signer for the repo, then re-checks. */
function PinButton({ repoId, result, onChanged }: { repoId: string; result: ProvenanceResult; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const signer = result.signer;
  if (!signer || (result.status !== 'verified' && result.status !== 'untrusted-key')) return null;
  const pinned = result.pinned.includes(signer.fingerprint);
  const next = pinned ? result.pinned.filter((f) => f !== signer.fingerprint) : [...result.pinned, signer.fingerprint];
  const label = pinned ? 'Stop pinning this key' : result.pinned.length ? 'Trust this key for this repo too' : 'Trust only this key for this repo';
  return (
    <button
      type="button"
      className="small"
      disabled={busy}
      data-testid="provenance-pin"
      onClick={() => {
        setBusy(true);
        void api.setRepoTrust({ repoId, fingerprints: next }).finally(() => {
          setBusy(false);
          onChanged();
        });
      }}
    >
      {label}
    </button>
  );
}

/** The provenance check of one chart version (its .prov against the keyring), said in words beside the digest check. */
export function ProvenanceBadge({ repoId, chart, version }: { repoId: string; chart: string; version: string }) {
  const [state, reload] = useAsync(() => api.verifyChartVersion({ repoId, name: chart, version }), `${repoId}\n${chart}\n${version}`);
  const [keyring, setKeyring] = useState(false);
  const dialog = keyring && (
    <KeyringDialog
      onClose={() => {
        setKeyring(false);
        reload();
      }}
    />
  );
  if (state.status === 'loading') {
    return (
      <div className="provenance-status tone-pending" data-testid="provenance-status" data-status="loading" role="status">
        <span className="provenance-icon" aria-hidden="true">…</span>
        <div>Checking the provenance (.prov)…</div>
      </div>
    );
  }
  if (state.status === 'error') {
    const problem = toProblem(state.error);
    return (
      <div className="provenance-status tone-warn" data-testid="provenance-status" data-status="error">
        <span className="provenance-icon" aria-hidden="true">!</span>
        <div>
          <strong>Provenance not checked</strong>
          <span className="muted"> {problem.message}</span>
          <div className="provenance-actions">
            <button type="button" className="small" onClick={reload}>
              Try again
            </button>
          </div>
        </div>
      </div>
    );
  }
  const result = state.value;
  const { title, tone } = statusWords(result.status);
  return (
    <div className={`provenance-status tone-${tone}`} data-testid="provenance-status" data-status={result.status} aria-live="polite">
      <span className="provenance-icon" aria-hidden="true">
        {tone === 'ok' ? '✓' : tone === 'warn' ? '?' : '✕'}
      </span>
      <div className="provenance-body">
        <strong data-testid="provenance-title">{title}</strong>
        <p className="provenance-summary" data-testid="provenance-summary">
          {result.summary}
        </p>
        {result.hint && <p className="muted provenance-hint">{result.hint}</p>}
        {result.signer && (
          <p className="provenance-signer">
            <code title="Fingerprint of the signing key">{groupFingerprint(result.signer.fingerprint)}</code>
            <CopyButton label="Copy" ariaLabel="Copy the signer's fingerprint" className="small" getText={() => result.signer?.fingerprint ?? ''} />
            {result.pinned.includes(result.signer.fingerprint) && <span className="badge">pinned for this repo</span>}
          </p>
        )}
        <div className="provenance-actions">
          <PinButton repoId={repoId} result={result} onChanged={reload} />
          <button type="button" className="small" onClick={() => setKeyring(true)} data-testid="provenance-keyring">
            Keyring…
          </button>
        </div>
      </div>
      {dialog}
    </div>
  );
}
