/**
 * The fast path over an index.yaml in block style: one validating pass over every byte that
 * decodes only what the chart list needs (each version's `version`, `name` and `type`, and the
 * small top-level fields) and remembers where each version's mapping starts, so its details can be
 * decoded later on demand. Throws YAML_BAIL for anything outside the subset.
 */
import { BlockReader, type RawValue } from './yaml-block';
import { bail, HASH, LF } from './yaml-bytes';
import { YamlCursor } from './yaml-cursor';
import type { IndexSkeleton, SkeletonChart } from './parse-skeleton';

const ascii = (text: string): number[] => Array.from(text, (ch) => ch.charCodeAt(0));
const ENTRIES = ascii('entries');
const VERSION = ascii('version');
const NAME = ascii('name');
const TYPE = ascii('type');
/** Top-level fields decoded eagerly; anything else at the top level is validated and skipped. */
const TOP_FIELDS = new Set(['apiVersion', 'generated', 'serverInfo', 'annotations']);

/** How far a scan goes: by default the whole document; a preview stops after `maxCharts` charts. */
export interface ScanLimit {
  maxCharts: number;
}

/** Thrown (and caught by previewIndexYaml) when a limited scan has read its charts. */
const LIMIT_REACHED: unique symbol = Symbol('scan limit reached');

/** Scans a block-style index; `start` skips a byte order mark. */
export function scanIndexYaml(buf: Buffer, start: number): IndexSkeleton {
  return new IndexScan(buf, start).run();
}

/**
 * Scans only the first `limit.maxCharts` charts of `entries` (in document order), for a first page
 * shown before the whole index is read. Undefined when the document has fewer charts (the full
 * scan is as quick) or leaves the fast subset (the full parse says why). Top-level fields after
 * `entries` are not read.
 */
export function previewIndexYaml(buf: Buffer, start: number, limit: ScanLimit): IndexSkeleton | undefined {
  const scan = new IndexScan(buf, start, limit.maxCharts);
  try {
    scan.run();
    return undefined;
  } catch (error) {
    if (error === LIMIT_REACHED) return scan.partial();
    return undefined;
  }
}

class IndexScan {
  private readonly cur: YamlCursor;
  private readonly reader: BlockReader;
  private readonly skeleton: IndexSkeleton = { top: {}, charts: [], problems: [] };

  constructor(
    buf: Buffer,
    start: number,
    private readonly maxCharts = Infinity,
  ) {
    this.cur = new YamlCursor(buf);
    this.reader = new BlockReader(this.cur);
    this.cur.seekLine(start);
  }

  /** What a limited scan read before it stopped. */
  partial(): IndexSkeleton {
    return this.skeleton;
  }

  run(): IndexSkeleton {
    const cur = this.cur;
    if (cur.indent === 0 && cur.buf.toString('latin1', cur.first, cur.first + 3) === '---') {
      const after = cur.first + 3;
      if (after < cur.len && cur.buf[after] !== LF) bail();
      cur.seekLine(cur.nextLineStart(after));
    }
    if (cur.indent < 0 || !cur.isKeyAt(cur.first)) bail(); // empty or not a mapping: the full parser explains
    const n = cur.indent;
    const base = cur.keyTop;
    let p = cur.first;
    for (;;) {
      const after = cur.scanKey(p);
      cur.pushKey(base);
      if (cur.keyIs(ENTRIES)) {
        this.entries(n, after);
      } else {
        const key = cur.keyString();
        const keep = TOP_FIELDS.has(key);
        const value = this.reader.valueAfterColon(n, after, keep);
        if (keep) this.skeleton.top[key] = value as RawValue;
      }
      if (cur.indent !== n) break;
      p = cur.first;
    }
    if (cur.indent !== -1) bail();
    return this.skeleton;
  }

  private entries(n: number, p: number): void {
    const cur = this.cur;
    const j = cur.skipBlanks(p);
    if (j < cur.len && cur.buf[j] !== LF && cur.buf[j] !== HASH) {
      const value = this.reader.inlineValue(n, j, true, true);
      if (value === null || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)) return;
      bail(); // `entries` that is not a mapping: the full path reports it
    }
    cur.seekLine(cur.nextLineStart(j));
    if (cur.indent <= n) {
      if (cur.indent === n && cur.isSeqItem(cur.first)) bail();
      return;
    }
    const m = cur.indent;
    if (!cur.isKeyAt(cur.first)) bail();
    const base = cur.keyTop;
    let q = cur.first;
    for (;;) {
      const after = cur.scanKey(q);
      cur.pushKey(base);
      const chart: SkeletonChart = { name: cur.keyString(), entries: [] };
      this.skeleton.charts.push(chart);
      this.chart(chart, m, after);
      if (this.skeleton.charts.length >= this.maxCharts) throw LIMIT_REACHED;
      if (cur.indent !== m) break;
      q = cur.first;
    }
    if (cur.indent > m) bail();
    cur.popKeys(base);
  }

  private chart(chart: SkeletonChart, n: number, p: number): void {
    const cur = this.cur;
    const j = cur.skipBlanks(p);
    if (j < cur.len && cur.buf[j] !== LF && cur.buf[j] !== HASH) {
      const value = this.reader.inlineValue(n, j, true, true);
      if (!Array.isArray(value)) this.problem(chart, j, value === null ? 'has no version list' : 'has a version list that is not a list');
      return;
    }
    cur.seekLine(cur.nextLineStart(j));
    if (cur.indent < n || (cur.indent === n && !cur.isSeqItem(cur.first))) {
      this.problem(chart, j, 'has no version list');
      return;
    }
    if (!cur.isSeqItem(cur.first)) {
      this.reader.blockNode(n, false, false);
      this.problem(chart, j, 'has a version list that is not a list');
      return;
    }
    const m = cur.indent;
    while (cur.indent === m && cur.isSeqItem(cur.first)) this.item(chart, m);
    if (cur.indent > m) bail();
  }

  private item(chart: SkeletonChart, m: number): void {
    const cur = this.cur;
    const j = this.reader.itemContentStart();
    const c = cur.buf[j];
    if (j >= cur.len || c === LF || c === HASH) {
      cur.seekLine(cur.nextLineStart(j));
      if (cur.indent > m && cur.isKeyAt(cur.first)) {
        this.version(chart, cur.indent, cur.first);
        return;
      }
      this.reader.blockNode(m, false, false);
    } else if (cur.isSeqItem(j)) {
      bail();
    } else if (cur.isKeyAt(j)) {
      this.version(chart, cur.column(j), j);
      return;
    } else {
      this.reader.inlineValue(m, j, false, false);
    }
    chart.entries.push(null);
    this.skeleton.problems.push({
      chart: chart.name,
      offset: j,
      message: `Entry #${chart.entries.length} of chart "${chart.name}" is not a mapping of fields; it was skipped.`,
    });
  }

  private version(chart: SkeletonChart, n: number, start: number): void {
    const cur = this.cur;
    const base = cur.keyTop;
    let version: RawValue | undefined;
    let name: RawValue | undefined;
    let type: RawValue | undefined;
    let p = start;
    for (;;) {
      const after = cur.scanKey(p);
      cur.pushKey(base);
      const length = cur.keyEnd - cur.keyStart;
      if (length === 7 && cur.keyIs(VERSION)) version = this.reader.valueAfterColon(n, after, true);
      else if (length === 4 && cur.keyIs(NAME)) name = this.reader.valueAfterColon(n, after, true);
      else if (length === 4 && cur.keyIs(TYPE)) type = this.reader.valueAfterColon(n, after, true);
      else this.reader.valueAfterColon(n, after, false);
      if (cur.indent !== n) break;
      p = cur.first;
    }
    if (cur.indent > n) bail();
    cur.popKeys(base);
    chart.entries.push({ version, name, type, start, end: cur.lineStart, indent: n });
  }

  private problem(chart: SkeletonChart, offset: number, what: string): void {
    this.skeleton.problems.push({ chart: chart.name, offset, message: `Chart "${chart.name}" ${what}; it was skipped.` });
  }
}
