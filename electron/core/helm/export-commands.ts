/** A repo as the helm commands that use it; never with a secret in them. */
import type { z } from 'zod';
import type { Repo, RepoCommands } from '../../contract/repos';

type RepoView = z.output<typeof Repo>;

/** Quotes a word for a POSIX shell when it needs it. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9@%+=:,./_-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function tlsFlags(repo: RepoView, insecureFlag: string): string[] {
  const flags: string[] = [];
  if (repo.tls.caFile) flags.push('--ca-file', shellQuote(repo.tls.caFile));
  if (repo.tls.certFile) flags.push('--cert-file', shellQuote(repo.tls.certFile));
  if (repo.tls.keyFile) flags.push('--key-file', shellQuote(repo.tls.keyFile));
  if (repo.tls.insecureSkipVerify) flags.push(insecureFlag);
  return flags;
}

function helmRepoAdd(repo: RepoView): string[] {
  const words = ['helm', 'repo', 'add', shellQuote(repo.name), shellQuote(repo.url)];
  const lines: string[] = [];
  if (repo.auth.mode === 'basic' && repo.auth.username) {
    words.push('--username', shellQuote(repo.auth.username), '--password-stdin');
    lines.push('# helm reads the password from stdin (type it, then press Ctrl-D): it stays out of your shell history.');
  }
  words.push(...tlsFlags(repo, '--insecure-skip-tls-verify'));
  if (repo.passCredentialsAll) words.push('--pass-credentials');
  return [...lines, words.join(' ')];
}

/** Which Helm the exported commands are for. */
export const HELM_3_AND_4 = 'Helm 3 and Helm 4';

function cmPush(repo: RepoView, cli: string): string[] {
  const url = new URL(repo.url);
  const cmUrl = `cm://${url.host}${url.pathname}${url.search}`.replace(/\/+$/, '');
  const name = shellQuote(repo.name);
  const lines = [
    `# For ${HELM_3_AND_4}. helm cannot send a bearer token to a classic chart repo; the helm-push (cm-push) plugin can.`,
    '# Install it once (Helm 4 needs cm-push 0.11 or later; the plugin publishes no provenance, hence --verify=false):',
    '#   Helm 3: helm plugin install https://github.com/chartmuseum/helm-push',
    '#   Helm 4: helm plugin install https://github.com/chartmuseum/helm-push --verify=false',
  ];
  if (url.protocol === 'http:') lines.push('export HELM_REPO_USE_HTTP=true');
  if (repo.auth.headerName) lines.push(`export HELM_REPO_AUTH_HEADER=${shellQuote(repo.auth.headerName)}`);
  lines.push(
    `export HELM_REPO_ACCESS_TOKEN="$(${cli} token ${name})"`,
    ['helm', 'repo', 'add', name, shellQuote(cmUrl), ...tlsFlags(repo, '--insecure-skip-tls-verify')].join(' '),
    '# push a chart (the token must carry the push scope):',
    `#   export HELM_REPO_ACCESS_TOKEN="$(${cli} token ${name} --scope push)"`,
    ['helm', 'cm-push', './mychart-0.1.0.tgz', name, ...tlsFlags(repo, '--insecure')].join(' '),
  );
  return lines;
}

/** The commands that use `repo` with Helm; `cli` is how to call ChartDesk's command line. */
export function exportRepoCommands(repo: RepoView, cli = 'chartdesk'): z.output<typeof RepoCommands> {
  const tokenBased = repo.auth.mode === 'bearer' || repo.auth.mode === 'token-server';
  const lines = tokenBased ? cmPush(repo, cli) : [`# For ${HELM_3_AND_4} (the same commands).`, ...helmRepoAdd(repo)];
  return { script: `${lines.join('\n')}\n`, needsCmPush: tokenBased, helm: HELM_3_AND_4, credentialHelper: false };
}
