/** One request of a probe: sent through the flow engine's HTTP client with no credential at all, answered or failed. */
import { ChartDeskError } from '../errors';
import type { HttpClient, HttpResponse } from '../http/client';
import type { TlsSettings } from '../http/dispatcher';
import type { TraceRecorder } from '../http/trace';

/** What every request of one probe shares. */
export interface ProbeContext {
  http: HttpClient;
  trace: TraceRecorder;
  tls: TlsSettings;
  signal: AbortSignal;
  /** Largest body read (an index can be big; the index size cap of Settings). */
  maxBytes: number;
}

/** A response, or the ChartDeskError the request failed with. */
export type Answer = { response: HttpResponse; error?: undefined } | { response?: undefined; error: ChartDeskError };

/** Sends `GET url` with no Authorization header (nor any other credential) and never throws. */
export async function ask(ctx: ProbeContext, url: string, accept = '*/*', maxBytes = ctx.maxBytes): Promise<Answer> {
  try {
    const response = await ctx.http.send({ step: 'probe', method: 'GET', url, headers: { accept }, tls: ctx.tls, signal: ctx.signal, maxBytes, credentialHeaders: [], secrets: [] }, ctx.trace);
    return { response };
  } catch (error) {
    if (error instanceof ChartDeskError) return { error };
    return { error: new ChartDeskError('network', 'probe', `The request to ${safeOrigin(url)} failed.`) };
  }
}

/** The origin of a URL for a sentence, or the text itself. */
export function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url.slice(0, 80);
  }
}

/** True when the response carries the distribution spec's API version header (registries send it on every answer). */
export function isRegistryAnswer(response: HttpResponse): boolean {
  return /registry\/2\.0/i.test(response.headers['docker-distribution-api-version'] ?? '');
}
