/** Contract schemas of the search over every stored repo: ranked as the per-repo search, grouped by repo. */
import { z } from 'zod';
import { SearchHit } from './charts';
import { RepoKind } from './repos';

/** searchAllRepos' argument. */
export const SearchAllInput = z
  .object({
    query: z.string().max(256),
    /** Most hits listed per repo (every hit is counted). */
    limitPerRepo: z.number().int().min(1).max(500).default(20),
    /** Open the repos that are neither open nor kept offline before searching (the CLI does; the UI opens them one by one with openIndex, showing progress). */
    open: z.boolean().default(false),
  })
  .strict();

/** The hits of one repo. */
export const RepoSearchGroup = z.object({
  repoId: z.string(),
  repoName: z.string(),
  kind: RepoKind,
  /** 'open': loaded from the server in this session; 'offline': the offline copy (read from disk, or the server could not be reached). */
  from: z.enum(['open', 'offline']),
  /** ms epoch when the server last confirmed the charts searched. */
  fetchedAt: z.number(),
  /** ms between fetchedAt and the answer. */
  ageMs: z.number().nonnegative(),
  /** Every hit in this repo; `hits` holds the best of them. */
  total: z.number().int().nonnegative(),
  hits: z.array(SearchHit),
});

/** A repo that was not searched from the server in this session. */
export const UnopenedRepo = z.object({
  repoId: z.string(),
  repoName: z.string(),
  kind: RepoKind,
  /** Its offline copy was searched (its hits are marked offline); false: it has none and was not searched. */
  searchedOffline: z.boolean(),
});

/** searchAllRepos' result: groups with hits, best group first. */
export const SearchAllResult = z.object({
  query: z.string(),
  groups: z.array(RepoSearchGroup),
  /** How many repos were searched (with or without hits). */
  searched: z.number().int().nonnegative(),
  /** Repos not open in this session: open them (openIndex) to search their current charts. */
  unopened: z.array(UnopenedRepo),
  /** Repos that could not be opened or read, with the reason. */
  failed: z.array(z.object({ repoId: z.string(), repoName: z.string(), message: z.string() })),
});
