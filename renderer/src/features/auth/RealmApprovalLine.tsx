import { useState } from 'react';
import { api } from '../../api/client';
import { toProblem } from '../../components/problem';
import { useToasts } from '../../components/Toasts';
import type { Repo } from '../repos/types';

/** Which token server may receive the repo's secret, with a way to withdraw the approval. */
export function RealmApprovalLine({ repo }: { repo: Repo }) {
  const [busy, setBusy] = useState(false);
  const toasts = useToasts();
  const approved = repo.auth.approvedRealmOrigin;
  const withdraw = async () => {
    setBusy(true);
    try {
      const { approvedRealmOrigin: _dropped, ...auth } = repo.auth;
      await api.updateRepo({ repoId: repo.id, changes: { auth } });
      toasts.show(`Approval of ${approved} withdrawn.`, 'ok');
    } catch (error) {
      toasts.show(toProblem(error).message, 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <p className="realm-line" data-testid="realm-line">
      <span className="muted">Token server allowed to receive the key: </span>
      {approved ? (
        <>
          <code>{approved}</code>
          <button type="button" className="link-button" onClick={withdraw} disabled={busy}>
            Withdraw approval
          </button>
        </>
      ) : (
        <span>only one on the repo’s own host (a different host asks you first)</span>
      )}
    </p>
  );
}
