import { useState } from 'react';
import { api } from '../../api/client';
import { CopyButton } from '../../components/CopyButton';
import { ErrorBox } from '../../components/ErrorBox';
import { toProblem } from '../../components/problem';
import { Loading } from '../../components/States';
import { formatBytes } from '../../components/time-format';
import { useToasts } from '../../components/Toasts';
import { useAsync } from '../../hooks/useAsync';
import { NumberSetting } from './SettingControls';
import type { Settings, SettingsChanges, StorageReport } from './types';

/** Settings → Storage: each cache with its size and a Clear button, the package cache limit, the data folder. */
export function StorageSection({ settings, onChange }: { settings: Settings; onChange: (changes: SettingsChanges) => Promise<unknown> }) {
  const [loaded, reload] = useAsync(() => api.storageReport({}), `storage:${settings.packageCacheLimitMb}`);
  const [fresh, setFresh] = useState<StorageReport>();
  const [busy, setBusy] = useState<string>();
  const toasts = useToasts();
  const report = fresh ?? (loaded.status === 'ready' ? loaded.value : undefined);
  const clear = async (cache: string, label: string) => {
    setBusy(cache);
    try {
      const result = await api.clearCache({ cache });
      setFresh(result.report);
      toasts.show(`${label}: removed ${result.removedFiles} file${result.removedFiles === 1 ? '' : 's'} (${formatBytes(result.removedBytes)}).`, 'ok');
    } catch (error) {
      toasts.show(`Could not clear: ${toProblem(error).message}`, 'error');
    } finally {
      setBusy(undefined);
    }
  };
  const openFolder = () => api.openDataFolder({}).catch((error: unknown) => toasts.show(toProblem(error).message, 'error'));
  if (loaded.status === 'error') return <ErrorBox problem={toProblem(loaded.error)} title="The storage report could not be made" />;
  if (!report) return <Loading label="Measuring the caches…" />;
  return (
    <>
      <table className="data-table storage-table" data-testid="storage-table">
        <thead>
          <tr>
            <th scope="col">Cache</th>
            <th scope="col">Size</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {report.caches.map((cache) => (
            <tr key={cache.id} data-testid="storage-row" data-cache={cache.id} data-bytes={cache.bytes}>
              <td>
                <strong>{cache.label}</strong>
                <p className="muted storage-description">{cache.description}</p>
              </td>
              <td className="storage-size">
                {formatBytes(cache.bytes)}
                <span className="muted">
                  {' '}
                  · {cache.files} file{cache.files === 1 ? '' : 's'}
                  {cache.limitBytes !== undefined ? ` · limit ${settings.packageCacheLimitMb} MB` : ''}
                </span>
              </td>
              <td>
                <button type="button" className="small" disabled={busy !== undefined || cache.files === 0} onClick={() => void clear(cache.id, cache.label)} aria-label={`Clear ${cache.label.toLowerCase()}`}>
                  Clear
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row storage-total">
        <span>
          In all: <strong data-testid="storage-total">{formatBytes(report.totalBytes)}</strong>
        </span>
        <button type="button" className="small" disabled={busy !== undefined || report.totalBytes === 0} onClick={() => void clear('all', 'All caches')}>
          Clear all caches
        </button>
        <button type="button" className="small ghost" onClick={() => {
            setFresh(undefined);
            reload();
          }}>
          Measure again
        </button>
      </div>
      <NumberSetting
        label="Chart package cache limit"
        unit="MB"
        min={0}
        max={1_000_000}
        value={settings.packageCacheLimitMb}
        onSave={(v) => onChange({ packageCacheLimitMb: v })}
        hint="Past it, the least recently used packages are removed (0: no limit). Clearing or trimming removes only downloaded packages; ChartDesk fetches them again when needed."
        testId="setting-cache-limit"
      />
      <h3 className="section-title">Data folder</h3>
      <p className="data-folder">
        <code data-testid="data-folder">{report.dataDir}</code>
      </p>
      <div className="button-row">
        {report.canOpenFolder && (
          <button type="button" className="small" onClick={() => void openFolder()}>
            Open folder
          </button>
        )}
        <CopyButton label="Copy path" getText={() => report.dataDir} className="small" />
      </div>
      <p className="field-hint">repos.json (your repos), settings.json, vault.json (secrets, encrypted) and the caches above live here. CHARTDESK_HOME moves it.</p>
    </>
  );
}
