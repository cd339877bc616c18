import { CopyButton } from '../../components/CopyButton';
import { installCommands } from './helmCommands';
import type { RepoInfo } from './types';

/** A copyable "helm repo add / helm install" snippet for one chart version. */
export function InstallSnippet({ repo, chart, version }: { repo: RepoInfo; chart: string; version: string }) {
  const text = installCommands(repo, chart, version);
  const tokenNote = repo.auth.mode === 'token-server' || repo.auth.mode === 'bearer';
  return (
    <section className="install-snippet" aria-label="Install with helm">
      <div className="install-snippet-head">
        <h3>Install {version}</h3>
        <CopyButton label="Copy" ariaLabel="Copy the helm commands" getText={() => text} testId="copy-install" />
      </div>
      <pre className="mono" data-testid="install-commands">{text}</pre>
      {tokenNote && <p className="muted small">This repo needs a token, which helm alone cannot send: with the cm-push plugin, add it as a cm:// repo and export HELM_REPO_ACCESS_TOKEN (copy one from the Token tab).</p>}
    </section>
  );
}
