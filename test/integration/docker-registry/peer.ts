/** Sets up the real peer: the sandbox token server in dialect B and a docker-registry that trusts it. */
import path from 'node:path';
import { SHARED_DATA } from '../../support/paths';
import { startSandbox, type AccessEntry, type Sandbox } from '../../sandbox/index';
import { pushTinyImage } from './registry-content';
import { startRegistry, type RunningRegistry } from '../../sandbox/registry-process';

/** The service name the registry announces (and the `aud` the token server writes). */
export const REGISTRY_SERVICE = 'chartdesk-test-registry';
/** The issuer the registry trusts (the token server's `iss`). */
export const TOKEN_ISSUER = 'chartdesk-sandbox';

/** Both servers plus a switchable grant policy. */
export interface Peer {
  sandbox: Sandbox;
  registry: RunningRegistry;
  /** Decides what the token server grants; default everything asked for. */
  policy: { grant: (requested: AccessEntry[], user: string | undefined) => AccessEntry[] };
  close(): Promise<void>;
}

/** A dialect-B token straight from the sandbox (no flow engine), for seeding and raw checks. */
export async function rawToken(sandbox: Sandbox, scopes: string[]): Promise<string> {
  const query = new URLSearchParams({ service: REGISTRY_SERVICE });
  for (const scope of scopes) query.append('scope', scope);
  const res = await fetch(`${sandbox.tokenUrl}?${query}`);
  if (res.status !== 200) throw new Error(`token server said ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** Starts both, and pushes `team/app:1.0` and `other:latest` through the registry API. */
export async function startPeer(): Promise<Peer> {
  const policy: Peer['policy'] = { grant: (requested) => requested };
  const sandbox = await startSandbox({
    dialects: ['B'],
    includeKid: true,
    issuer: TOKEN_ISSUER,
    audience: REGISTRY_SERVICE,
    seed: false,
    grant: (requested, user) => policy.grant(requested, user),
  });
  let registry: RunningRegistry;
  try {
    registry = await startRegistry({
      realm: sandbox.tokenUrl,
      service: REGISTRY_SERVICE,
      issuer: TOKEN_ISSUER,
      rootCertBundle: path.join(SHARED_DATA, 'auth', 'chartmuseum-example-server.pem'),
    });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  const close = async () => {
    await registry.close();
    await sandbox.close();
  };
  try {
    for (const [name, tag] of [['team/app', '1.0'], ['other', 'latest']] as const) {
      await pushTinyImage(registry.url, name, tag, await rawToken(sandbox, [`repository:${name}:pull,push`]));
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { sandbox, registry, policy, close };
}
