/**
 * One repo's charts behind one interface, whatever holds them: an index.yaml (HTTP repos) or a
 * registry namespace (OCI). Handlers, the CLI and the UI use only this; the two implementations
 * are http-source.ts and ../oci/registry-source.ts.
 */
import type { z } from 'zod';
import type { ChartDetailView, DeleteResult, IndexSummary, ManifestView, PushResult } from '../../contract/packages';
import type { RepoCommands } from '../../contract/repos';
import type { FlowCredentials, FlowRepo, FlowScope, TokenProbe } from '../auth/types';
import type { RepoRecord } from '../context';
import type { ChartList, ChartSummary, SearchResult } from '../index/query-types';
import type { FetchedProvenance } from '../provenance/prov-fetch';
import type { IconResult } from './chart-icon';

/** Where one chart version's package is. */
export interface LocatedVersion {
  repo: RepoRecord;
  name: string;
  version: string;
  /** The package's address: an absolute http(s) URL, or an `oci://host/ns/chart:tag` reference. */
  url: string;
  /** sha256 hex the package must have, when the repo says. */
  digest?: string;
}

/** A package in memory, with how it was checked. */
export interface FetchedPackage {
  bytes: Buffer;
  /** sha256 hex of the bytes. */
  digest: string;
  /** True when the bytes matched the digest the repo gave. */
  verified: boolean;
  fromCache: boolean;
}

/** A version's provenance file as its repo publishes it (`<package url>.prov`, or a registry's provenance layer), and the package's file name it must sign. */
export type SourceProvenance = FetchedProvenance & { fileName: string };

/** What a push carries besides the package. */
export interface PushOptions {
  force: boolean;
  /** A provenance file to store beside the package. */
  prov?: Buffer;
}

/** The request Connect, Test and the Token tab send to see how the repo authenticates. */
export interface RepoProbe extends TokenProbe {
  /** What it reads, for messages ("its index", "the tags of charts/app"). */
  what: string;
}

/** A repo's chart list as held without asking the server (for the search over every repo). */
export interface CachedCharts {
  summaries: readonly ChartSummary[];
  /** 'open': loaded from the server in this session; 'offline': the offline copy (read from disk, or the open index fell back to it). */
  from: 'open' | 'offline';
  /** ms epoch when the server last confirmed these charts. */
  fetchedAt: number;
  /** True when the source is open in this session. */
  open: boolean;
}

/** How much of a chart's detail to read: the first `limit` versions (all when absent), the first `detailed` of them with every field (all when absent; the rest `partial`). */
export interface DetailPage {
  limit?: number | undefined;
  detailed?: number | undefined;
}

/** The charts of one repo. */
export interface ChartSource {
  /** The repo as stored. */
  readonly repo: RepoRecord;
  /** The repo in the flow engine's terms (a registry: its base URL and its auth rules). */
  readonly flowRepo: FlowRepo;
  /** The repo's credentials for the flow engine. */
  credentials(): Promise<FlowCredentials>;
  /** True when a Basic challenge is answered with Basic (registries with htpasswd). */
  readonly followChallengeScheme: boolean;
  /** Opens (or with `refresh`, asks the server again) and says what was found and what the repo allows. */
  open(refresh: boolean): Promise<z.output<typeof IndexSummary>>;
  /** A page of the chart list, sorted by name. */
  list(page: { offset: number; limit: number }): Promise<ChartList>;
  /** Ranked search over names, keywords and descriptions. */
  search(query: string, limit: number): Promise<SearchResult>;
  /** Resolves when everything open() started has been read (a registry reads its namespace's charts after the first page). */
  complete(): Promise<void>;
  /** The compact line of one chart, or undefined. */
  summary(name: string): Promise<ChartSummary | undefined>;
  /** A chart with its versions newest first (the first `limit` decoded when given; allVersions names every one) and the commands that install it. */
  detail(name: string, page?: DetailPage): Promise<z.output<typeof ChartDetailView>>;
  /** Finds a version; without `version`, the chart's latest (stable if it has one). */
  locate(name: string, version?: string): Promise<LocatedVersion>;
  /** Downloads (or reads from the cache) and verifies a located package. */
  fetchPackage(located: LocatedVersion): Promise<FetchedPackage>;
  /** Downloads a located version's provenance file, or says the repo publishes none. */
  fetchProvenance(located: LocatedVersion): Promise<SourceProvenance>;
  push(bytes: Buffer, options: PushOptions): Promise<z.output<typeof PushResult>>;
  remove(name: string, version: string): Promise<z.output<typeof DeleteResult>>;
  icon(name: string): Promise<IconResult>;
  /** The request whose challenge shows how the repo authenticates, for an operation. */
  probe(scope: FlowScope): Promise<RepoProbe>;
  /** The helm commands that use the repo (no secret in them). */
  commands(): z.output<typeof RepoCommands>;
  /** Registries only: how a version is stored (manifest, config, layers). */
  manifest?(name: string, version: string): Promise<z.output<typeof ManifestView>>;
  /** Drops what is held in memory, so the next use asks the server again. */
  forget(): void;
  /** The charts at hand without the network: the open index, else the offline copy; undefined when neither. */
  cachedCharts?(): Promise<CachedCharts | undefined>;
}
