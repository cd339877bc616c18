/**
 * The intermediate form every parse path (fast block scan, full YAML parser, JSON) produces:
 * the top-level fields, each chart's raw entries with the few fields needed to sort and validate
 * them, and where each entry's full text lives for decoding its details later.
 */

/** One entry of a chart's version list, before validation. */
export interface SkeletonEntry {
  /** The raw `version`, `name` and `type` values (undefined when absent). */
  version: unknown;
  name: unknown;
  type: unknown;
  /** Where the entry's text lives in the detail buffer: start and end offsets. */
  start: number;
  end: number;
  /** For block YAML: the column of the entry's keys (0 for JSON detail text). */
  indent: number;
}

/** A chart key of `entries` with its raw version list; null marks an entry that is not a mapping. */
export interface SkeletonChart {
  name: string;
  entries: (SkeletonEntry | null)[];
}

/** A problem found while scanning, with where it is when known. */
export interface SkeletonProblem {
  message: string;
  chart?: string;
  /** Byte offset in the source (fast path) or 1-based line (other paths). */
  offset?: number;
  line?: number;
}

/** What a parse path hands to the normalizer. */
export interface IndexSkeleton {
  /** Top-level fields other than entries that the index engine uses. */
  top: Record<string, unknown>;
  charts: SkeletonChart[];
  problems: SkeletonProblem[];
}
