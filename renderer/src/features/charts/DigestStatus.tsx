import { CopyButton } from '../../components/CopyButton';
import type { ChartVersionContent } from './types';

/** The result of checking the downloaded package against the index digest, said plainly. */
export function DigestStatus({ content }: { content: ChartVersionContent }) {
  return (
    <div className={`digest-status ${content.verified ? 'verified' : 'unverified'}`} data-testid="digest-status" data-verified={content.verified}>
      <span className="digest-status-icon" aria-hidden="true">
        {content.verified ? '✓' : '!'}
      </span>
      <div>
        <strong>{content.verified ? 'Digest verified' : 'Not verified'}</strong>
        <span className="muted">
          {content.verified
            ? content.url.startsWith('oci://')
              ? ' The package’s sha256 matches the chart layer’s digest in the registry’s manifest.'
              : ' The package’s sha256 matches the index.'
            : ' The index gives no sha256 for this version, so the download could not be checked.'}
        </span>
        <div className="digest-line">
          <code title="sha256 of the downloaded package">sha256:{content.digest}</code>
          <CopyButton label="Copy" ariaLabel="Copy the package digest" className="small" getText={() => content.digest} />
        </div>
      </div>
    </div>
  );
}
