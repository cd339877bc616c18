/** The contract shapes the search over every repo works with. */
import type { MethodOutput } from '../../../../electron/contract';

/** searchAllRepos' answer. */
export type SearchAllResult = MethodOutput<'searchAllRepos'>;
/** The hits of one repo. */
export type RepoSearchGroup = SearchAllResult['groups'][number];
/** A repo not open in this session. */
export type UnopenedRepo = SearchAllResult['unopened'][number];
/** Opens a chart in its repo. */
export type OpenChart = (repoId: string, chart: string) => void;
