/** Builds (and reuses) undici dispatchers per TLS setting, with proxies taken from the environment. */
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';
import { ChartDeskError } from '../errors';

/** TLS settings of one repo (the contract's RepoTls). */
export interface TlsSettings {
  caFile?: string | undefined;
  certFile?: string | undefined;
  keyFile?: string | undefined;
  insecureSkipVerify?: boolean | undefined;
}

/** Proxy settings (HTTPS_PROXY, HTTP_PROXY, NO_PROXY). */
export interface ProxySettings {
  httpProxy?: string | undefined;
  httpsProxy?: string | undefined;
  noProxy?: string | undefined;
}

/** Reads proxy variables from an environment (lower-case names win, as curl does). */
export function proxyFromEnv(env: NodeJS.ProcessEnv): ProxySettings {
  return {
    httpProxy: env.http_proxy || env.HTTP_PROXY || undefined,
    httpsProxy: env.https_proxy || env.HTTPS_PROXY || undefined,
    noProxy: env.no_proxy || env.NO_PROXY || undefined,
  };
}

function readPemFile(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : 'it cannot be read';
    throw new ChartDeskError('tls', 'tls-setup', `The ${what} file ${file} could not be used: ${reason}.`, { cause: error });
  }
}

/**
 * Node TLS options for a repo's settings (files are read on each build, never copied). A repo's own
 * CA file replaces the trusted CAs; without one, `extraCaFile` (Settings) is trusted besides the built-in ones.
 */
export function tlsConnectOptions(tls: TlsSettings, extraCaFile?: string): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  if (tls.caFile) options.ca = readPemFile(tls.caFile, 'CA');
  else if (extraCaFile) options.ca = [...rootCertificates, readPemFile(extraCaFile, 'extra CA (Settings)').toString('utf8')];
  if (tls.certFile) options.cert = readPemFile(tls.certFile, 'client certificate');
  if (tls.keyFile) options.key = readPemFile(tls.keyFile, 'client key');
  if (tls.insecureSkipVerify) options.rejectUnauthorized = false;
  return options;
}

/** A cache of dispatchers keyed by TLS settings. */
export interface DispatcherPool {
  get(tls: TlsSettings): Dispatcher;
  close(): Promise<void>;
}

/** What every dispatcher of a pool is built with; read on each use, so a change (Settings) applies to the next request. */
export interface PoolSettings {
  proxy: ProxySettings;
  /** Bounds TCP and TLS set-up, ms. */
  connectTimeoutMs: number;
  extraCaFile?: string | undefined;
}

/** Creates the pool; when `settings()` changes, the old dispatchers finish their requests and close. */
export function createDispatcherPool(settings: () => PoolSettings): DispatcherPool {
  const pool = new Map<string, Dispatcher>();
  let built = '';
  return {
    get(tls) {
      const { proxy, connectTimeoutMs, extraCaFile } = settings();
      const signature = JSON.stringify([proxy.httpProxy ?? '', proxy.httpsProxy ?? '', proxy.noProxy ?? '', connectTimeoutMs, extraCaFile ?? '']);
      if (signature !== built) {
        for (const old of pool.values()) old.close().catch(() => undefined);
        pool.clear();
        built = signature;
      }
      const useProxy = Boolean(proxy.httpProxy || proxy.httpsProxy);
      const key = JSON.stringify([tls.caFile ?? '', tls.certFile ?? '', tls.keyFile ?? '', Boolean(tls.insecureSkipVerify)]);
      const existing = pool.get(key);
      if (existing) return existing;
      const connect = { ...tlsConnectOptions(tls, extraCaFile), timeout: connectTimeoutMs };
      const dispatcher: Dispatcher = useProxy
        ? new EnvHttpProxyAgent({ httpProxy: proxy.httpProxy ?? '', httpsProxy: proxy.httpsProxy ?? '', noProxy: proxy.noProxy ?? '', connect, requestTls: connect } as ConstructorParameters<typeof EnvHttpProxyAgent>[0])
        : new Agent({ connect });
      pool.set(key, dispatcher);
      return dispatcher;
    },
    async close() {
      const all = [...pool.values()];
      pool.clear();
      await Promise.all(all.map((d) => d.destroy().catch(() => undefined)));
    },
  };
}
