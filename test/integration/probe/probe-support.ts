/** A URL prober over the real HTTP client and the bundled index worker, as the app builds it, for the probe tests. */
import path from 'node:path';
import { createHttpClient, type HttpClient } from '../../../electron/core/http/client';
import { createIndexParser } from '../../../electron/core/index/parse-client';
import { createUrlProber, type UrlProber } from '../../../electron/core/probe/url-prober';
import { DIST } from '../../support/paths';

/** A prober and the client to close after. */
export interface ProberHarness {
  prober: UrlProber;
  http: HttpClient;
}

/** Builds a prober (a short time bound when asked, for the hanging-server test). */
export function makeProber(options: { timeoutMs?: number; maxIndexBytes?: number } = {}): ProberHarness {
  const http = createHttpClient({ userAgent: 'ChartDesk-test', env: {} });
  const parser = createIndexParser({ workerPath: path.join(DIST, 'index-worker.cjs') });
  const prober = createUrlProber({
    http,
    parse: async (bytes) => {
      const { chartCount, versionCount, servedByChartMuseum } = (await parser.parse(bytes)).info();
      return { chartCount, versionCount, servedByChartMuseum };
    },
    cmUsesHttp: false,
    maxIndexBytes: () => options.maxIndexBytes ?? 64 * 1024 * 1024,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  return { prober, http };
}
