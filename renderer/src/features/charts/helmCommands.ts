/** The helm commands that install a chart version from a configured repo. */
import { helmName } from './format';
import type { RepoInfo } from './types';

/** `helm repo add`, `helm repo update` and `helm install <release> <alias>/<chart> --version V`, one per line. */
export function installCommands(repo: RepoInfo, chart: string, version: string): string {
  const alias = helmName(repo.name);
  const login = repo.auth.mode === 'basic' && repo.auth.username ? ` --username ${repo.auth.username} --password "$HELM_REPO_PASSWORD"` : '';
  return [`helm repo add ${alias} ${repo.url}${login}`, `helm repo update ${alias}`, `helm install ${helmName(chart)} ${alias}/${chart} --version ${version}`].join('\n');
}
