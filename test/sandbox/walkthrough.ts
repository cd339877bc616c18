/** The text `npm run sandbox` prints: what runs where, and the seed's curl walkthrough (protocol.md §1). */
import type { LiveOptions } from './config';
import { seedNamespace, SEED_CHARTS } from './seed';
import { OCI_NAMESPACE, OCI_SEED, OCI_SERVICE } from './oci-registry';

/** Where the servers listen. */
export interface RunningAt {
  repoUrl: string;
  tokenUrl: string;
  service: string;
  storageDir: string;
  registryUrl?: string;
}

function indexPath(options: LiveOptions): string {
  const ns = seedNamespace(SEED_CHARTS[0].namespace, options.depth);
  return ns === '' ? '/index.yaml' : `/${ns}/index.yaml`;
}

/** The banner and the three curl commands that work verbatim against this sandbox. */
export function walkthrough(options: LiveOptions, at: RunningAt): string {
  const ns = seedNamespace(SEED_CHARTS[0].namespace, options.depth) || 'repo';
  const index = `${at.repoUrl}${indexPath(options)}`;
  const action = options.auth === 'anonymous-get' ? 'push' : 'pull';
  const lines = [
    'ChartDesk sandbox (ChartMuseum-compatible repo + token server)',
    `  repo server   ${at.repoUrl}  (auth ${options.auth}, depth ${options.depth}, namespaces ${options.depth === 0 ? "'repo'" : SEED_CHARTS.map((s) => seedNamespace(s.namespace, options.depth)).join(', ')})`,
    `  token server  ${at.tokenUrl}  (dialects ${options.dialects.join(',')}, service ${at.service}, key ${options.masterKey})`,
    `  charts in     ${at.storageDir}`,
    '',
  ];
  if (options.auth === 'bearer' && options.dialects.includes('A')) {
    lines.push(
      'Walkthrough:',
      `  1. curl -i ${index}`,
      '     -> 401 and a Www-Authenticate: Bearer challenge',
      `  2. curl -X POST '${at.tokenUrl}?grant_type=client_credentials&scope=artifact-repository:${ns}:${action}' -H 'Authorization: Bearer ${options.masterKey}'`,
      '     -> {"access_token":"<JWT>"}',
      `  3. curl -H 'Authorization: Bearer <JWT>' ${index}`,
      '     -> 200 and the index',
      '',
    );
  }
  if (options.auth === 'basic') {
    const [user, pass] = Object.entries(options.basicUsers)[0] ?? ['', ''];
    lines.push('Basic auth (the sandbox\'s test user):', `  curl -u '${user}:${pass}' ${index}`, '');
  }
  if (at.registryUrl) {
    const port = new URL(at.registryUrl).port;
    const [user, pass] = Object.entries(options.basicUsers)[0] ?? ['', ''];
    lines.push(
      `OCI registry ${at.registryUrl}  (Docker distribution, token auth from the token server, service ${OCI_SERVICE})`,
      `  seeded: ${OCI_SEED.map((s) => s.file.replace(/^charts\//, '')).join(', ')} in ${OCI_NAMESPACE}/; anonymous users pull, ${user}/${pass} also pushes and deletes`,
      `  curl -i http://localhost:${port}/v2/${OCI_NAMESPACE}/grafana/tags/list      -> 401 and a Bearer challenge`,
      `  curl '${at.tokenUrl}?service=${OCI_SERVICE}&scope=repository:${OCI_NAMESPACE}/grafana:pull'   -> {"token":"<JWT>"} (anonymous)`,
      `  In ChartDesk: + Add, URL oci://localhost:${port}/${OCI_NAMESPACE} (no authentication, or user name ${user} and password ${pass}).`,
      '',
    );
  }
  lines.push('Press Ctrl+C to stop.');
  return lines.join('\n');
}
