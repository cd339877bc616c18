/** One resource scope as carried in a token's `access` claim. */
export interface AccessEntry {
  type: string;
  name: string;
  actions: string[];
}

/** How the sandbox behaves; every field is optional (see DEFAULTS in config.ts). */
export interface SandboxOptions {
  host?: string; // bind address, default '127.0.0.1'
  repoPort?: number; // default 0 (random)
  tokenPort?: number; // default 0 (random)
  publicHost?: string; // host name used in the challenge realm/service, default 'localhost'
  auth?: 'bearer' | 'basic' | 'anonymous-get' | 'none'; // default 'bearer'
  masterKey?: string; // dialect A API key, default 'MASTERKEY'
  basicUsers?: Record<string, string>; // basic mode users (repo) and dialect B/C users (token server)
  depth?: 0 | 1 | 2; // default 2
  seed?: boolean; // default true: org1/repo1 mychart-0.1.0, org2/repo2 otherchart-0.1.0 (depth 2); 'repo' namespace charts for depth 0
  storageDir?: string; // default a fresh temp dir, removed on close()
  dialects?: Array<'A' | 'B' | 'C'>; // which token dialects the token server accepts; default ['A']
  tokenLifetimeSeconds?: number; // default 300
  clockSkewSeconds?: number; // token server signs iat/exp this many seconds off (to test skew), default 0
  signingKeyPem?: string;
  certificatePem?: string; // default ../shared/data/auth key pair
  repoVerifyCertificatePem?: string; // key the REPO verifies with (to simulate a key mismatch), default = signing cert
  issuer?: string;
  audience?: string;
  includeKid?: boolean; // for Docker distribution (dialect B)
  grant?: (requested: AccessEntry[], user: string | undefined) => AccessEntry[]; // B/C grant policy (default: all asked for)
  sharedDataDir?: string; // where ../shared/data lives; default found from the working directory
  oci?: boolean; // also start an OCI registry (docker-registry) trusting the token server; enables dialects B and C, kid, iss/aud
  ociPort?: number; // the registry's port (default random; `npm run sandbox` uses 5002)
}

/** One request either server saw, for assertions. */
export interface SeenRequest {
  server: 'repo' | 'token';
  method: string;
  url: string;
  headers: Record<string, string>;
  status: number;
}

/** A running sandbox: both servers, their public URLs and a log of requests. */
export interface Sandbox {
  repoUrl: string; // e.g. 'http://localhost:PORT' (uses publicHost)
  tokenUrl: string; // realm, e.g. 'http://localhost:PORT/oauth/token'
  service: string; // e.g. 'localhost:PORT'
  registryUrl?: string; // with oci: the registry, e.g. 'http://127.0.0.1:PORT'
  requests: SeenRequest[];
  setOption<K extends keyof SandboxOptions>(key: K, value: SandboxOptions[K]): void;
  close(): Promise<void>;
}
