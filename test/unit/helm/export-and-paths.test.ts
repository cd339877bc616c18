import { describe, expect, it } from 'vitest';
import { exportRepoCommands, shellQuote } from '../../../electron/core/helm/export-commands';
import { helmRepositoryConfigPath } from '../../../electron/core/helm/repositories-path';
import type { RepoView } from '../../../electron/core/store/repo-service';

const repo = (overrides: Partial<RepoView>): RepoView => ({
  id: 'r1',
  name: 'charts',
  kind: 'http',
  url: 'https://charts.example.com/org/repo',
  charts: [],
  auth: { mode: 'none', dialect: 'auto' },
  tls: { insecureSkipVerify: false },
  passCredentialsAll: false,
  hasSecret: false,
  ...overrides,
});

describe('helm commands for a repo', () => {
  it('is a plain helm repo add for an open repo, with its TLS settings', () => {
    const out = exportRepoCommands(repo({ tls: { caFile: '/etc/my ca.pem', certFile: '/c.pem', keyFile: '/k.pem', insecureSkipVerify: true }, passCredentialsAll: true }));
    expect(out).toEqual({
      needsCmPush: false,
      helm: 'Helm 3 and Helm 4',
      credentialHelper: false,
      script: "# For Helm 3 and Helm 4 (the same commands).\nhelm repo add charts https://charts.example.com/org/repo --ca-file '/etc/my ca.pem' --cert-file /c.pem --key-file /k.pem --insecure-skip-tls-verify --pass-credentials\n",
    });
  });

  it('reads a basic password from stdin, never from the command line', () => {
    const { script } = exportRepoCommands(repo({ auth: { mode: 'basic', username: "o'brien", dialect: 'auto' }, hasSecret: true }));
    expect(script.trim().split('\n').pop()).toBe("helm repo add charts https://charts.example.com/org/repo --username 'o'\\''brien' --password-stdin");
  });

  it('uses cm:// and a ChartDesk token for token-protected repos', () => {
    const out = exportRepoCommands(repo({ name: 'my repo', url: 'http://localhost:8080/org1/repo1', auth: { mode: 'token-server', dialect: 'A', headerName: 'X-Token' }, hasSecret: true }));
    expect(out.needsCmPush).toBe(true);
    expect(out.helm).toBe('Helm 3 and Helm 4');
    // Each export says which Helm it is for; Helm 4 installs cm-push 0.11+ without plugin verification.
    expect(out.script).toContain('#   Helm 3: helm plugin install https://github.com/chartmuseum/helm-push\n');
    expect(out.script).toContain('#   Helm 4: helm plugin install https://github.com/chartmuseum/helm-push --verify=false\n');
    const lines = out.script.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines).toEqual([
      'export HELM_REPO_USE_HTTP=true',
      'export HELM_REPO_AUTH_HEADER=X-Token',
      `export HELM_REPO_ACCESS_TOKEN="$(chartdesk token 'my repo')"`,
      "helm repo add 'my repo' cm://localhost:8080/org1/repo1",
      "helm cm-push ./mychart-0.1.0.tgz 'my repo'",
    ]);
  });

  it('quotes only what a shell would split', () => {
    expect(shellQuote('plain-word_1.2/x:y')).toBe('plain-word_1.2/x:y');
    expect(shellQuote('$(rm -rf ~)')).toBe("'$(rm -rf ~)'");
  });
});

describe('where Helm keeps repositories.yaml', () => {
  it('follows HELM_REPOSITORY_CONFIG, HELM_CONFIG_HOME and XDG_CONFIG_HOME before the OS default', () => {
    expect(helmRepositoryConfigPath({ HELM_REPOSITORY_CONFIG: '/x/repos.yaml', XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/x/repos.yaml');
    expect(helmRepositoryConfigPath({ HELM_CONFIG_HOME: '/hc' }, 'linux', '/home/u')).toBe('/hc/repositories.yaml');
    expect(helmRepositoryConfigPath({ XDG_CONFIG_HOME: '/xdg' }, 'darwin', '/Users/u')).toBe('/xdg/helm/repositories.yaml');
    expect(helmRepositoryConfigPath({}, 'linux', '/home/u')).toBe('/home/u/.config/helm/repositories.yaml');
    expect(helmRepositoryConfigPath({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Preferences/helm/repositories.yaml');
    expect(helmRepositoryConfigPath({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe('C:\\Users\\u\\AppData\\Roaming\\helm\\repositories.yaml');
  });
});
