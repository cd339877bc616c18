import { api } from '../../api/client';
import { CopyButton } from '../../components/CopyButton';
import { ErrorBox } from '../../components/ErrorBox';
import { toProblem } from '../../components/problem';
import { Loading } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';

/** Settings → About: versions (ChartDesk, Electron/Chromium/Node or the browser mode), the data folder, Copy diagnostics. */
export function AboutSection() {
  const [about] = useAsync(() => api.aboutApp({}), 'about');
  if (about.status === 'error') return <ErrorBox problem={toProblem(about.error)} title="The app facts could not be read" />;
  if (about.status === 'loading') return <Loading label="Reading versions…" />;
  const info = about.value;
  const desktop = info.transport === 'electron';
  const rows: Array<[string, string]> = [
    ['ChartDesk', info.version],
    ['Runs as', desktop ? 'Desktop app' : 'Browser mode (served on 127.0.0.1)'],
    ...(desktop ? ([['Electron', info.versions.electron ?? '?'], ['Chromium', info.versions.chrome ?? '?']] as Array<[string, string]>) : ([['Browser', navigator.userAgent]] as Array<[string, string]>)),
    ['Node.js', info.versions.node],
    ['Platform', `${info.platform} ${info.arch}`],
    ['Data folder', info.dataDir],
    ['Settings file', info.settingsFile],
  ];
  return (
    <>
      <table className="data-table about-table" data-testid="about-table">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>
                <code>{value}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row about-actions">
        <CopyButton label="Copy diagnostics" getText={async () => (await api.diagnostics({ userAgent: navigator.userAgent.slice(0, 500) })).text} testId="copy-diagnostics" />
      </div>
      <p className="field-hint">A plain-text report for a bug report: versions, settings, keychain state, repo URLs (without queries) and cache sizes. It holds no secret, token or user name.</p>
    </>
  );
}
