import { useState } from 'react';
import { api } from '../../api/client';
import { toProblem } from '../../components/problem';
import { useToasts } from '../../components/Toasts';
import { useRemembered } from '../auth/remembered';
import type { Scope } from '../auth/ScopePicker';

/** A switch that asks the core to refresh the repo's token ahead of expiry (setTokenRefresh). */
export function AutoRefreshToggle({ repoId, scope }: { repoId: string; scope: Scope }) {
  const [enabled, setEnabled] = useRemembered(`refresh:${repoId}|${scope}`, false);
  const [busy, setBusy] = useState(false);
  const toasts = useToasts();
  const toggle = async (next: boolean) => {
    setBusy(true);
    setEnabled(next);
    try {
      const result = await api.setTokenRefresh({ repoId, scope, enabled: next });
      setEnabled(result.enabled);
    } catch (error) {
      setEnabled(!next);
      toasts.show(`Auto-refresh could not be changed: ${toProblem(error).message}`, 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <label className="switch" title="Refresh the token before it expires, while this window is open">
      <input type="checkbox" role="switch" checked={enabled} disabled={busy} onChange={(e) => void toggle(e.target.checked)} />
      <span className="switch-track" aria-hidden="true" />
      Keep fresh
    </label>
  );
}
