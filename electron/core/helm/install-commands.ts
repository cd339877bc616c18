/** The helm commands that install one chart version from an HTTP chart repo. */
import type { z } from 'zod';
import type { InstallCommands } from '../../contract/packages';
import type { RepoRecord } from '../context';
import { shellQuote } from './export-commands';

/** A name Helm accepts for a repo alias or a release: lower-case letters, digits and dashes. */
export function helmName(text: string): string {
  const cleaned = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 53);
  return cleaned || 'repo';
}

/** `helm repo add`, `helm repo update` and `helm install <release> <alias>/<chart> --version V`, one per line. */
export function httpInstallCommands(repo: RepoRecord, chart: string, version: string): z.output<typeof InstallCommands> {
  const alias = helmName(repo.name);
  const login = repo.auth.mode === 'basic' && repo.auth.username ? ` --username ${shellQuote(repo.auth.username)} --password "$HELM_REPO_PASSWORD"` : '';
  const commands = [`helm repo add ${alias} ${shellQuote(repo.url)}${login}`, `helm repo update ${alias}`, `helm install ${helmName(chart)} ${alias}/${shellQuote(chart)} --version ${shellQuote(version)}`].join('\n');
  const tokenBased = repo.auth.mode === 'token-server' || repo.auth.mode === 'bearer';
  return tokenBased
    ? { commands, note: 'This repo needs a token, which helm alone cannot send: with the cm-push plugin, add it as a cm:// repo and export HELM_REPO_ACCESS_TOKEN (copy one from the Token tab).' }
    : { commands };
}
