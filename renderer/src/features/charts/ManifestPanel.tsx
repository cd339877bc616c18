import { api } from '../../api/client';
import { CopyButton } from '../../components/CopyButton';
import { ErrorBox } from '../../components/ErrorBox';
import { toProblem } from '../../components/problem';
import { Loading } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { CodeView } from './CodeView';
import { formatBytes } from './format';
import type { ManifestView } from './types';

const ROLE_WORDS: Record<ManifestView['layers'][number]['role'], string> = { chart: 'chart package', 'legacy-chart': 'chart package (legacy type)', provenance: 'provenance', other: 'other' };

/** A copyable command line. */
function Command({ label, text, testId }: { label: string; text: string; testId: string }) {
  return (
    <div className="manifest-command">
      <span className="muted">{label}</span>
      <code data-testid={testId}>{text}</code>
      <CopyButton label="Copy" ariaLabel={`Copy: ${label}`} className="small" getText={() => text} />
    </div>
  );
}

/** How a version is stored in its registry: manifest digest, config, layers with media types and sizes, annotations, pull commands. */
export function ManifestPanel({ repoId, chart, version }: { repoId: string; chart: string; version: string }) {
  const [state, reload] = useAsync(() => api.getManifest({ repoId, name: chart, version }), `${repoId}\n${chart}\n${version}`);
  if (state.status === 'loading') return <Loading label="Reading the manifest…" />;
  if (state.status === 'error') {
    return (
      <ErrorBox problem={toProblem(state.error)} title="Could not read the manifest">
        <button type="button" onClick={reload}>
          Try again
        </button>
      </ErrorBox>
    );
  }
  const m = state.value;
  return (
    <div className="manifest-panel" data-testid="manifest-panel">
      <dl className="manifest-facts">
        <dt>Reference</dt>
        <dd className="mono">{m.reference}</dd>
        <dt>Manifest digest</dt>
        <dd>
          <code data-testid="manifest-digest">{m.digest}</code> <CopyButton label="Copy" ariaLabel="Copy the manifest digest" className="small" getText={() => m.digest} />
        </dd>
        <dt>Media type</dt>
        <dd className="mono">
          {m.mediaType} · {formatBytes(m.size)}
        </dd>
        <dt>Config</dt>
        <dd className="mono">
          {m.config.mediaType} · {formatBytes(m.config.size)}
        </dd>
      </dl>
      <h3>Layers</h3>
      <table className="file-table manifest-layers" data-testid="manifest-layers">
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Media type</th>
            <th scope="col" className="num">
              Size
            </th>
            <th scope="col">Digest</th>
          </tr>
        </thead>
        <tbody>
          {m.layers.map((layer) => (
            <tr key={layer.digest} data-role={layer.role}>
              <td>{ROLE_WORDS[layer.role]}</td>
              <td className="mono">{layer.mediaType}</td>
              <td className="num muted">{formatBytes(layer.size)}</td>
              <td className="manifest-digest-cell">
                <code title={layer.digest}>{layer.digest.slice(7, 19)}</code> <CopyButton label="Copy" ariaLabel={`Copy the digest of the ${ROLE_WORDS[layer.role]} layer`} className="small" getText={() => layer.digest} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Pull with helm</h3>
      <Command label="By version" text={m.commands.byTag} testId="pull-by-tag" />
      <Command label="By digest" text={m.commands.byDigest} testId="pull-by-digest" />
      {Object.keys(m.annotations).length > 0 && (
        <>
          <h3>Annotations</h3>
          <dl className="manifest-facts" data-testid="manifest-annotations">
            {Object.entries(m.annotations).map(([key, value]) => (
              <div key={key} className="manifest-fact">
                <dt className="mono">{key}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <details className="manifest-raw">
        <summary>The manifest as the registry sent it</summary>
        <CodeView text={m.json} label="manifest.json" testId="manifest-json" />
      </details>
    </div>
  );
}
