import { CopyButton } from '../../components/CopyButton';
import { helmName } from './format';
import type { RepoInfo } from './types';

/** The helm commands that install `chart` at `version` from `repo`. */
export function installCommands(repo: RepoInfo, chart: string, version: string): string {
  const alias = helmName(repo.name);
  const login =
    repo.auth.mode === 'basic' && repo.auth.username ? ` --username ${repo.auth.username} --password "$HELM_REPO_PASSWORD"` : '';
  return [`helm repo add ${alias} ${repo.url}${login}`, `helm repo update ${alias}`, `helm install ${helmName(chart)} ${alias}/${chart} --version ${version}`].join('\n');
}

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
