/**
 * Probes a typed repo URL without credentials and proposes how to talk to it ("detect, then ask").
 * Every probe is bounded in time; probes with the same key supersede each other (the dialog's
 * newest URL wins, the older request is cancelled).
 */
import type { z } from 'zod';
import type { ProbeRepoUrlInput, RepoUrlProbe } from '../../contract/probe';
import { ChartDeskError } from '../errors';
import type { HttpClient } from '../http/client';
import { createTrace, type TraceEntry } from '../http/trace';
import type { ProbeContext } from './probe-exchange';
import type { Finding } from './probe-finding';
import { probeFolder } from './probe-folder';
import type { ParseIndexFacts } from './probe-http';
import { probeRegistry } from './probe-registry';
import { readProbeTarget, type OciTarget } from './probe-target';

/** probeRepoUrl's argument, after defaults. */
export type ProbeInput = z.output<typeof ProbeRepoUrlInput>;
/** What a probe reports. */
export type UrlProbe = z.output<typeof RepoUrlProbe>;

/** What the prober needs. */
export interface UrlProberDeps {
  /** The flow engine's HTTP client (timeouts, proxies, CAs, redirects, redacted traces). */
  http: HttpClient;
  parse: ParseIndexFacts;
  /** cm:// means http:// (HELM_REPO_USE_HTTP), as for stored repos. */
  cmUsesHttp: boolean;
  /** The index size cap (Settings), read on every probe. */
  maxIndexBytes: () => number;
  /** A probe gives up after this long (default 10 s). */
  timeoutMs?: number;
  now?: () => number;
}

/** Probes URLs. */
export interface UrlProber {
  probe(input: ProbeInput): Promise<UrlProbe>;
}

/** Creates the prober. */
export function createUrlProber(deps: UrlProberDeps): UrlProber {
  const running = new Map<string, AbortController>();
  const now = deps.now ?? (() => performance.now());

  return {
    async probe(input) {
      const mine = new AbortController();
      if (input.key) {
        running.get(input.key)?.abort();
        running.set(input.key, mine);
      }
      const bound = AbortSignal.timeout(deps.timeoutMs ?? 10_000);
      const started = now();
      const trace = createTrace();
      const ctx: ProbeContext = {
        http: deps.http,
        trace,
        tls: { ...(input.tls?.caFile ? { caFile: input.tls.caFile } : {}), insecureSkipVerify: input.tls?.insecureSkipVerify ?? false },
        signal: AbortSignal.any([mine.signal, bound]),
        maxBytes: deps.maxIndexBytes(),
      };
      try {
        const finding = await findOut(ctx, input, deps, () => bound.aborted);
        if (mine.signal.aborted) throw new ChartDeskError('cancelled', 'probe', 'A newer probe of this dialog replaced this one.');
        return { url: input.url, ...finding, checked: trace.entries.filter((e) => e.method).map(checkedOf), durationMs: Math.max(0, Math.round(now() - started)) };
      } finally {
        if (input.key && running.get(input.key) === mine) running.delete(input.key);
      }
    },
  };
}

async function findOut(ctx: ProbeContext, input: ProbeInput, deps: UrlProberDeps, timedOut: () => boolean): Promise<Finding> {
  let target;
  try {
    target = readProbeTarget(input.url, { cmUsesHttp: deps.cmUsesHttp, plainHttp: input.tls?.plainHttp });
  } catch (error) {
    if (!(error instanceof ChartDeskError)) throw error;
    return { outcome: 'invalid', headline: 'This is not a repo URL ChartDesk can use.', evidence: [error.message], ...(error.hint ? { hint: error.hint } : {}) };
  }
  const folderDeps = { parse: deps.parse, timedOut };
  if (target.kind === 'http') return probeFolder(ctx, target, folderDeps);
  const registry = await probeRegistry(ctx, target, timedOut);
  if (registry.finding) return registry.finding;
  if (!target.explicit) {
    // A bare host:port/path may be a chart repo typed without its scheme.
    const folder = `${target.plainHttp ? 'http' : 'https'}://${target.host}${target.namespace ? `/${target.namespace}` : ''}`;
    const asFolder = await probeFolder(ctx, { kind: 'http', folder, pastedIndex: false }, folderDeps);
    if (asFolder.proposal) {
      const fixUrl = asFolder.fix?.url ?? folder;
      return { ...asFolder, evidence: [`No OCI registry answers there (${registry.notRegistry}).`, ...asFolder.evidence], fix: { url: fixUrl, reason: `${fixUrl} is a chart repo with an index.yaml, not a registry: add it with its http(s):// URL.` } };
    }
    if (!registry.answered) return asFolder;
  }
  return notRegistry(target, registry.notRegistry);
}

function notRegistry(target: OciTarget, why: string): Finding {
  return {
    outcome: 'not-a-repo',
    headline: `No OCI registry answers at ${target.host}.`,
    evidence: [`${why.charAt(0).toUpperCase()}${why.slice(1)}.`],
    hint: target.plainHttp ? 'Check the host and port.' : 'Check the host; a registry without TLS needs Plain HTTP (Connection and TLS).',
  };
}

function checkedOf(entry: TraceEntry): UrlProbe['checked'][number] {
  return { method: entry.method, url: entry.url, ...(entry.status !== undefined ? { status: entry.status } : {}), ...(entry.note ? { note: entry.note } : {}) };
}
