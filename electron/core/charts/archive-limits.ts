/** Caps applied when reading a chart package, so a hostile archive cannot exhaust memory or time. */
export interface ArchiveLimits {
  /** Largest .tgz accepted (download or upload), bytes. */
  maxCompressedBytes: number;
  /** Most bytes the archive may unpack to (Helm: 100 MiB). */
  maxDecompressedBytes: number;
  /** Most tar entries (files, folders, extended headers). */
  maxEntries: number;
  /** Largest single file ChartDesk keeps in memory to show (Helm: 5 MiB). */
  maxFileBytes: number;
}

const MIB = 1024 * 1024;

/** The defaults, in line with Helm's own limits. */
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxCompressedBytes: 50 * MIB,
  maxDecompressedBytes: 100 * MIB,
  maxEntries: 10_000,
  maxFileBytes: 5 * MIB,
};
