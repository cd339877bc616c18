/** The helm commands that use an OCI repo: log in, pull and install by tag or by digest. */
import type { z } from 'zod';
import type { InstallCommands } from '../../contract/packages';
import type { RepoCommands } from '../../contract/repos';
import type { RepoRecord } from '../context';
import { helmName } from '../helm/install-commands';
import { shellQuote } from '../helm/export-commands';
import { isLoopbackHost, parseOciLocation, repositoryOf } from './oci-location';

function plainHttp(repo: RepoRecord): boolean {
  return repo.tls.plainHttp ?? isLoopbackHost(parseOciLocation(repo.url).host);
}

/** Flags every helm registry command of this repo needs (--plain-http, TLS files); `helm registry login` calls skip-verify --insecure. */
function flags(repo: RepoRecord, insecureFlag = '--insecure-skip-tls-verify'): string {
  const out: string[] = [];
  if (plainHttp(repo)) out.push('--plain-http');
  if (repo.tls.caFile) out.push('--ca-file', shellQuote(repo.tls.caFile));
  if (repo.tls.certFile) out.push('--cert-file', shellQuote(repo.tls.certFile));
  if (repo.tls.keyFile) out.push('--key-file', shellQuote(repo.tls.keyFile));
  if (repo.tls.insecureSkipVerify) out.push(insecureFlag);
  return out.length ? ` ${out.join(' ')}` : '';
}

/** `helm registry login <host> --username U --password-stdin …`. */
function login(repo: RepoRecord): string {
  return `helm registry login ${parseOciLocation(repo.url).host} --username ${shellQuote(repo.auth.username ?? '')} --password-stdin${flags(repo, '--insecure')}`;
}

/** `oci://host/ns/chart` of a chart in the repo. */
export function chartUrlOf(repo: RepoRecord, chart: string): string {
  const location = parseOciLocation(repo.url);
  return `oci://${location.host}/${repositoryOf(location, chart)}`;
}

/** `helm registry login`, then `helm install` and `helm pull` by version; helm maps `+` to `_` in tags itself. */
export function ociInstallCommands(repo: RepoRecord, chart: string, version: string): z.output<typeof InstallCommands> {
  const url = shellQuote(chartUrlOf(repo, chart));
  const lines: string[] = [];
  if (repo.auth.mode !== 'none' && repo.auth.username) lines.push(login(repo));
  lines.push(`helm install ${helmName(chart.split('/').pop() ?? chart)} ${url} --version ${shellQuote(version)}${flags(repo)}`, `helm pull ${url} --version ${shellQuote(version)}${flags(repo)}`);
  const note =
    repo.auth.mode === 'identity-token' || repo.auth.mode === 'bearer'
      ? 'helm registry login takes a user name and password; to use the stored token instead, let helm read it from ChartDesk’s keychain: chartdesk repos use-helper (or “Use ChartDesk’s keychain” in the repo’s helm commands).'
      : undefined;
  return note ? { commands: lines.join('\n'), note } : { commands: lines.join('\n') };
}

/** `helm pull` of one version by tag and by manifest digest. */
export function ociPullCommands(repo: RepoRecord, chart: string, version: string, digest: string): { byTag: string; byDigest: string } {
  const url = chartUrlOf(repo, chart);
  return { byTag: `helm pull ${shellQuote(url)} --version ${shellQuote(version)}${flags(repo)}`, byDigest: `helm pull ${shellQuote(`${url}@${digest}`)}${flags(repo)}` };
}

/** Which Helm the registry commands are for: OCI support is GA since Helm 3.8. */
export const HELM_OCI = 'Helm 3.8 or later, and Helm 4';

/** The commands that use the repo with Helm 3.8+ and Helm 4 (both take the registry host alone in `helm registry login`; Helm 4 refuses oci:// or a path there). */
export function ociRepoCommands(repo: RepoRecord): z.output<typeof RepoCommands> {
  const location = parseOciLocation(repo.url);
  const lines = [`# For ${HELM_OCI}. OCI registries need no \`helm repo add\`: log in once, then use oci:// chart URLs.`];
  if (repo.auth.mode !== 'none' && repo.auth.username) {
    lines.push('# helm registry login takes the registry host alone (Helm 4 refuses oci:// or a path there).');
    lines.push('# helm reads the password from stdin (type it, then press Ctrl-D): it stays out of your shell history.');
    lines.push(login(repo));
  }
  if (repo.auth.mode !== 'none') lines.push(`# Or let helm read the login from ChartDesk’s keychain, without typing it: chartdesk repos use-helper ${shellQuote(repo.name)}`);
  const example = repo.charts[0] ?? 'mychart';
  lines.push(`helm pull ${shellQuote(chartUrlOf(repo, example))} --version 1.0.0${flags(repo)}`);
  lines.push(`helm push ./${example.split('/').pop() ?? example}-1.0.0.tgz ${shellQuote(`oci://${location.host}${location.namespace ? `/${location.namespace}` : ''}`)}${flags(repo)}`);
  return { script: `${lines.join('\n')}\n`, needsCmPush: false, helm: HELM_OCI, credentialHelper: true };
}
