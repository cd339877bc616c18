/** Sandbox defaults and the live, mutable option state both servers read on every request. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SandboxOptions } from './options';
import { findSharedData } from './shared-data';
import { OCI_ISSUER, OCI_SERVICE, registryGrant } from './oci-registry';

/** Dialect B/C and basic-mode users when none are given. */
export const DEFAULT_USERS: Readonly<Record<string, string>> = { user: 'pass' };

/** The options with every default filled in (grant, issuer, audience stay optional). */
export type LiveOptions = Required<Omit<SandboxOptions, 'grant' | 'issuer' | 'audience' | 'storageDir' | 'repoVerifyCertificatePem' | 'ociPort'>> &
  Pick<SandboxOptions, 'grant' | 'issuer' | 'audience' | 'repoVerifyCertificatePem' | 'ociPort'>;

/** Fills in the defaults (reads the shared key pair unless keys are given). */
export function resolveOptions(options: SandboxOptions): LiveOptions {
  const sharedDataDir = options.sharedDataDir ?? findSharedData();
  const keyFile = (name: string) => readFileSync(path.join(sharedDataDir, 'auth', name), 'utf8');
  const oci = options.oci ?? false;
  // Docker distribution needs dialect B tokens with a kid, its issuer and its service as audience.
  const dialects = options.dialects ?? ['A'];
  return {
    oci,
    ...(options.ociPort !== undefined ? { ociPort: options.ociPort } : {}),
    host: options.host ?? '127.0.0.1',
    repoPort: options.repoPort ?? 0,
    tokenPort: options.tokenPort ?? 0,
    publicHost: options.publicHost ?? 'localhost',
    auth: options.auth ?? 'bearer',
    masterKey: options.masterKey ?? 'MASTERKEY',
    basicUsers: options.basicUsers ?? { ...DEFAULT_USERS },
    depth: options.depth ?? 2,
    seed: options.seed ?? true,
    dialects: oci ? [...new Set([...dialects, 'B' as const, 'C' as const])] : dialects,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 300,
    clockSkewSeconds: options.clockSkewSeconds ?? 0,
    signingKeyPem: options.signingKeyPem ?? keyFile('chartmuseum-example-server.key'),
    certificatePem: options.certificatePem ?? keyFile('chartmuseum-example-server.pem'),
    repoVerifyCertificatePem: options.repoVerifyCertificatePem,
    issuer: options.issuer ?? (oci ? OCI_ISSUER : undefined),
    audience: options.audience ?? (oci ? OCI_SERVICE : undefined),
    includeKid: options.includeKid ?? oci,
    grant: options.grant ?? (oci ? registryGrant : undefined),
    sharedDataDir,
  };
}
