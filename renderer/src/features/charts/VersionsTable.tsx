import { CopyButton } from '../../components/CopyButton';
import { formatCreated, shortDigest, urlParts } from './format';
import type { ChartVersion } from './types';

/** Versions a chart view asks for and lists until the user asks for all of them. */
export const FIRST_ROWS = 60;

/** Props of the versions table. */
export interface VersionsTableProps {
  /** The versions to list: the first ones, or every one after "Show all". */
  versions: ChartVersion[];
  /** How many versions the chart has; "Show all" appears when that is more than listed. */
  total: number;
  /** Asks for every version (the caller fetches them and passes them in). */
  onShowAll: () => void;
  /** True while every version is on its way: the button says so and waits. */
  loadingAll: boolean;
  onOpen: (version: string) => void;
  onDelete?: (version: string) => void;
}

/** A package URL as "host/…/" (cut with an ellipsis when narrow) and the whole file name, plus "+N" more URLs. */
function PackageUrl({ url, more }: { url: string; more: number }) {
  const { lead, file } = urlParts(url);
  return (
    <span className="package-url">
      {lead && <span className="package-url-lead">{lead}</span>}
      <span className="package-url-file">{file}</span>
      {more > 0 && <span className="package-url-more">+{more}</span>}
    </span>
  );
}

/** A chart's versions in the order the core sorted them (Helm's order), with dates, digests and URLs. */
export function VersionsTable({ versions, total, onShowAll, loadingAll, onOpen, onDelete }: VersionsTableProps) {
  return (
    <div className="versions">
      <table className="versions-table" data-testid="versions-table">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">App</th>
            <th scope="col">Created</th>
            <th scope="col" className="digest-head">
              Digest
            </th>
            <th scope="col" className="url-head">
              URL
            </th>
            <th scope="col" className="actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v, i) => (
            <tr key={`${v.version}#${i}`} data-testid="version-row" data-version={v.version} className={v.deprecated ? 'deprecated' : undefined}>
              <td className="version-cell">
                <button type="button" className="link-button mono" onClick={() => onOpen(v.version)} aria-label={`Open version ${v.version}`}>
                  {v.version}
                </button>
                {v.deprecated && <span className="badge badge-deprecated">deprecated</span>}
                {v.prerelease && <span className="badge">pre-release</span>}
                {v.duplicate && <span className="badge badge-warn" title="An earlier entry has the same version; Helm uses that one">duplicate</span>}
              </td>
              <td className="mono app-cell">{v.appVersion ?? ''}</td>
              <td className="nowrap created-cell" title={formatCreated(v.created)}>
                {formatCreated(v.created, false)}
              </td>
              <td className="nowrap digest-cell">
                {v.digest ? (
                  <span className="digest">
                    <code title={v.digest}>{shortDigest(v.digest)}</code>
                    <CopyButton label="Copy" ariaLabel={`Copy the digest of ${v.version}`} className="small" getText={() => v.digest ?? ''} />
                  </span>
                ) : (
                  <span className="muted">none</span>
                )}
              </td>
              <td className="url-cell mono" title={v.urls.join('\n')}>
                {v.urls[0] ? <PackageUrl url={v.urls[0]} more={v.urls.length - 1} /> : <span className="muted">none</span>}
              </td>
              <td className="nowrap actions">
                {onDelete && (
                  <button type="button" className="small danger" onClick={() => onDelete(v.version)} aria-label={`Delete version ${v.version}`} data-testid="version-delete">
                    Delete
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > versions.length && (
        <button type="button" className="show-all" onClick={onShowAll} disabled={loadingAll} aria-busy={loadingAll}>
          {loadingAll ? `Loading all ${total.toLocaleString()} versions…` : `Show all ${total.toLocaleString()} versions`}
        </button>
      )}
    </div>
  );
}
