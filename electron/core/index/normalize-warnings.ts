/** Collects index warnings, capped, and turns source byte offsets into line numbers. */
import type { IndexWarning } from './query-types';

/** Warnings kept per index; the rest are only counted. */
export const MAX_WARNINGS = 1000;

/** A warning as collected: a byte offset in the source may stand in for its line. */
export interface PendingWarning extends IndexWarning {
  offset?: number;
}

/** A capped list of warnings. */
export class WarningList {
  private readonly pending: PendingWarning[] = [];
  count = 0;

  /** source: the bytes offsets refer to, or undefined when offsets are not source positions. */
  constructor(private readonly source: Uint8Array | undefined) {}

  add(warning: PendingWarning): void {
    this.count++;
    if (this.pending.length < MAX_WARNINGS) this.pending.push(warning);
  }

  /** The kept warnings, with lines filled in from offsets. */
  list(): IndexWarning[] {
    const withOffsets = this.pending.filter((w) => w.offset !== undefined).sort((a, b) => (a.offset as number) - (b.offset as number));
    if (this.source !== undefined) {
      let line = 1;
      let at = 0;
      for (const warning of withOffsets) {
        const target = warning.offset as number;
        while (at < target) {
          const next = this.source.indexOf(0x0a, at);
          if (next < 0 || next >= target) break;
          line++;
          at = next + 1;
        }
        warning.line = line;
      }
    }
    return this.pending.map(({ offset: _offset, ...warning }) => {
      const out: IndexWarning = { message: warning.message };
      if (warning.chart !== undefined) out.chart = warning.chart;
      if (warning.version !== undefined) out.version = warning.version;
      if (warning.line !== undefined) out.line = warning.line;
      return out;
    });
  }
}
