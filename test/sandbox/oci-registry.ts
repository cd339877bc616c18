/**
 * The sandbox's OCI registry: Debian's Docker distribution (docker-registry) trusting the sandbox
 * token server (dialect B, libtrust kid, iss/aud), seeded with two charts pushed in Helm's layout.
 * Anonymous users may pull and list; the token server's users may push and delete.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LiveOptions } from './config';
import { helmPush, type HelmPushed } from './helm-oci-push';
import type { AccessEntry } from './options';
import { startRegistry, type RunningRegistry } from './registry-process';

/** The service name the registry announces (and the token's `aud`). */
export const OCI_SERVICE = 'chartdesk-sandbox-registry';
/** The issuer the registry trusts. */
export const OCI_ISSUER = 'chartdesk-sandbox';
/** The namespace the seed charts live in. */
export const OCI_NAMESPACE = 'charts';
/** The seed: a package from the shared data and, optionally, its provenance file. */
export const OCI_SEED = [{ file: 'charts/grafana-5.3.1.tgz' }, { file: 'charts/helm-td-signtest-0.1.0.tgz', prov: 'charts/helm-td-signtest-0.1.0.tgz.prov' }] as const;

/** Anonymous users pull (and list the catalog); a signed-in user gets what was asked. */
export function registryGrant(requested: AccessEntry[], user: string | undefined): AccessEntry[] {
  if (user) return requested;
  return requested.flatMap((e) => (e.type === 'registry' ? [e] : e.actions.includes('pull') ? [{ ...e, actions: ['pull'] }] : []));
}

/** A running registry and what was seeded. */
export interface SandboxRegistry extends RunningRegistry {
  seeded: HelmPushed[];
}

/** A dialect-B token for `user:password` straight from the token server (for seeding). */
async function tokenFor(tokenUrl: string, scope: string, user: string, password: string): Promise<string> {
  const query = new URLSearchParams({ service: OCI_SERVICE, scope });
  const res = await fetch(`${tokenUrl}?${query}`, { headers: { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` } });
  if (res.status !== 200) throw new Error(`the sandbox token server answered ${res.status} to the seeding user`);
  return ((await res.json()) as { token: string }).token;
}

/** Starts the registry against the sandbox token server and seeds it. */
export async function startSandboxRegistry(options: LiveOptions, tokenUrl: string, port: number | undefined): Promise<SandboxRegistry> {
  const registry = await startRegistry({
    auth: { kind: 'token', realm: tokenUrl, service: OCI_SERVICE, issuer: OCI_ISSUER, rootCertBundle: path.join(options.sharedDataDir, 'auth', 'chartmuseum-example-server.pem') },
    ...(port ? { port } : {}),
  });
  const seeded: HelmPushed[] = [];
  if (options.seed) {
    const [user, password] = Object.entries(options.basicUsers)[0] ?? ['', ''];
    try {
      for (const seed of OCI_SEED) {
        const tgz = readFileSync(path.join(options.sharedDataDir, seed.file));
        const prov = 'prov' in seed ? readFileSync(path.join(options.sharedDataDir, seed.prov)) : undefined;
        seeded.push(await helmPush(registry.url, OCI_NAMESPACE, tgz, async (scope) => `Bearer ${await tokenFor(tokenUrl, scope, user, password)}`, prov));
      }
    } catch (error) {
      await registry.close();
      throw error;
    }
  }
  return { ...registry, seeded };
}
