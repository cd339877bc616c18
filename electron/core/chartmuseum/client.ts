/** ChartMuseum's API through the flow engine: push a package, delete a version, list charts. */
import { z } from 'zod';
import type { FlowClient, FlowCredentials, FlowRepo } from '../auth/types';
import { httpFailure, serverText } from '../charts/http-failure';
import { ChartDeskError } from '../errors';
import { chartVersionUrl } from './api-base';
import { chartAndProvenanceForm } from './multipart-form';

/** Which repo API to talk to, with its credentials. */
export interface ChartMuseumTarget {
  repo: FlowRepo;
  credentials: () => Promise<FlowCredentials>;
  /** The charts API URL (chartMuseumChartsUrl). */
  chartsUrl: string;
  signal?: AbortSignal;
}

/** A chart version as the list route reports it. */
export interface ListedVersion {
  version: string;
  appVersion?: string;
  created?: string;
  digest?: string;
}

/** The charts of a repo as the list route reports them, by name. */
export type ChartMuseumListing = Array<{ name: string; versions: ListedVersion[] }>;

/** The client. */
export interface ChartMuseumClient {
  /** Uploads a .tgz (with `provenance`, a multipart form with `chart` and `prov`); 'conflict' when the version exists and `force` is false. */
  push(target: ChartMuseumTarget, bytes: Uint8Array, options: { force: boolean; name: string; version: string; provenance?: string }): Promise<void>;
  /** Deletes one version; 'not-found' when it is not there. */
  remove(target: ChartMuseumTarget, name: string, version: string): Promise<void>;
  list(target: ChartMuseumTarget): Promise<ChartMuseumListing>;
}

const ListSchema = z.record(
  z.string(),
  z.array(z.looseObject({ version: z.string(), appVersion: z.string().optional(), created: z.string().optional(), digest: z.string().optional() })),
);

const MAX_LIST_BYTES = 64 * 1024 * 1024;

/** Creates the client over a flow engine. */
export function createChartMuseumClient(flow: FlowClient): ChartMuseumClient {
  const common = (target: ChartMuseumTarget) => ({
    repo: target.repo,
    credentials: target.credentials,
    ...(target.signal ? { signal: target.signal } : {}),
  });
  return {
    async push(target, bytes, { force, name, version, provenance }) {
      const url = `${target.chartsUrl}${force ? '?force' : ''}`;
      const form = provenance === undefined ? undefined : chartAndProvenanceForm(`${name}-${version}.tgz`, bytes, provenance);
      const upload = form ? { body: form.body, type: form.contentType } : { body: bytes, type: 'application/octet-stream' };
      const response = await flow.request({ ...common(target), method: 'POST', url, body: upload.body, scope: 'push', headers: { 'content-type': upload.type, accept: 'application/json' }, maxBytes: 1024 * 1024 });
      if (response.status === 200 || response.status === 201) return;
      if (response.status === 409) {
        throw new ChartDeskError('conflict', 'push', `Version ${version} of chart ${name} is already in the repo, and ChartMuseum keeps versions unless told to overwrite.`, {
          hint: 'Bump the chart version, or push again with force to replace it.',
        });
      }
      if (response.status === 400) {
        throw new ChartDeskError('chart-invalid', 'push', `The repo refused the package: ${serverText(response.body) || 'it is not a valid chart'}.`);
      }
      if (response.status === 404 || response.status === 405) {
        throw new ChartDeskError('not-found', 'push', `The repo has no ChartMuseum upload API at ${target.chartsUrl}.`, { hint: 'Pushing needs ChartMuseum with its API enabled (not --disable-api).' });
      }
      throw httpFailure('push', `pushing ${name} ${version}`, response.status);
    },
    async remove(target, name, version) {
      const response = await flow.request({ ...common(target), method: 'DELETE', url: chartVersionUrl(target.chartsUrl, name, version), scope: 'push', headers: { accept: 'application/json' }, maxBytes: 1024 * 1024 });
      if (response.status === 200 || response.status === 202 || response.status === 204) return;
      if (response.status === 404) throw new ChartDeskError('not-found', 'delete', `Version ${version} of chart ${name} is not in the repo.`);
      throw httpFailure('delete', `deleting ${name} ${version}`, response.status);
    },
    async list(target) {
      const response = await flow.request({ ...common(target), url: target.chartsUrl, headers: { accept: 'application/json' }, maxBytes: MAX_LIST_BYTES });
      if (response.status !== 200) throw httpFailure('list', 'listing the charts', response.status);
      let json: unknown;
      try {
        json = JSON.parse(response.body.toString('utf8'));
      } catch {
        throw new ChartDeskError('http', 'list', 'The repo answered the chart list with something that is not JSON.');
      }
      const parsed = ListSchema.safeParse(json);
      if (!parsed.success) throw new ChartDeskError('http', 'list', 'The repo answered the chart list in an unexpected shape.');
      return Object.entries(parsed.data).map(([name, versions]) => ({
        name,
        versions: versions.map((v) => ({ version: v.version, ...(v.appVersion ? { appVersion: v.appVersion } : {}), ...(v.created ? { created: v.created } : {}), ...(v.digest ? { digest: v.digest } : {}) })),
      }));
    },
  };
}
