/**
 * The structure of block YAML for the fast scanner: block mappings and sequences (including
 * indentless sequences), inline scalars and the empty flow collections `[]` and `{}`. Each reader
 * either materializes values (mat) or only validates and skips them.
 */
import { readBlockScalar } from './yaml-block-scalar';
import { bail, DQ, HASH, isPlainStart, LF, SQ, TAB } from './yaml-bytes';
import type { YamlCursor } from './yaml-cursor';
import { readPlain, SKIM_DONE, SKIM_KEY, skimPlainLine } from './yaml-plain';
import { readQuoted } from './yaml-quoted';

/** A decoded YAML value: scalars stay text (as written), null is YAML's null. */
export type RawValue = string | null | RawValue[] | RawMap;
/** A decoded mapping (a `__proto__` key is an own property, never the prototype). */
export interface RawMap {
  [key: string]: RawValue;
}

/** Deeper nesting than this leaves the fast path (the full parser then enforces its own limit). */
const MAX_DEPTH = 64;

/** Reads block-YAML nodes from a cursor. */
export class BlockReader {
  private depth = 0;

  constructor(readonly cur: YamlCursor) {}

  /** The value after a key's `:` at p, for a mapping indented n. */
  valueAfterColon(n: number, p: number, mat: boolean): RawValue | undefined {
    const cur = this.cur;
    const j = cur.skipBlanks(p);
    const c = cur.buf[j];
    if (j >= cur.len || c === LF || c === HASH) {
      cur.seekLine(cur.nextLineStart(j));
      return this.blockNode(n, mat, true);
    }
    if (!mat) {
      const skim = skimPlainLine(cur, n, j);
      if (skim === SKIM_DONE) return undefined;
      if (skim === SKIM_KEY) bail(); // `key: a: b` is not YAML
    }
    return this.inlineValue(n, j, mat, true);
  }

  /** A node on the following lines of a parent indented n (the cursor is on its first line). */
  blockNode(n: number, mat: boolean, indentless: boolean): RawValue | undefined {
    const cur = this.cur;
    const f = cur.first;
    if (cur.indent > n) {
      if (cur.isSeqItem(f)) return this.sequence(cur.indent, mat);
      if (cur.isKeyAt(f)) return this.mapping(cur.indent, f, mat);
      return this.inlineValue(n, f, mat, false);
    }
    if (indentless && cur.indent === n && cur.isSeqItem(f)) return this.sequence(n, mat);
    return mat ? null : undefined;
  }

  /**
   * A block mapping indented n whose first key is at p. With `only`, just those keys are decoded
   * (the others are still validated and skipped).
   */
  mapping(n: number, p: number, mat: boolean, only?: ReadonlySet<string>): RawMap | undefined {
    const cur = this.cur;
    if (++this.depth > MAX_DEPTH) bail();
    const map: RawMap | undefined = mat ? {} : undefined;
    const base = cur.keyTop;
    for (;;) {
      const after = cur.scanKey(p);
      cur.pushKey(base);
      const key = map ? cur.keyString() : '';
      const wanted = map !== undefined && (only === undefined || only.has(key));
      const value = this.valueAfterColon(n, after, wanted);
      if (wanted) setEntry(map, key, value as RawValue);
      if (cur.indent !== n) break;
      p = cur.first;
    }
    if (cur.indent > n) bail();
    cur.popKeys(base);
    this.depth--;
    return map;
  }

  /** A block sequence whose `-` items are indented m. */
  sequence(m: number, mat: boolean): RawValue[] | undefined {
    const cur = this.cur;
    if (++this.depth > MAX_DEPTH) bail();
    const list: RawValue[] | undefined = mat ? [] : undefined;
    while (cur.indent === m && cur.isSeqItem(cur.first)) {
      const item = this.sequenceItem(m, mat);
      if (list) list.push(item as RawValue);
    }
    if (cur.indent > m) bail();
    this.depth--;
    return list;
  }

  /** The item of the `-` the cursor's line starts with. */
  private sequenceItem(m: number, mat: boolean): RawValue | undefined {
    const cur = this.cur;
    const j = this.itemContentStart();
    const c = cur.buf[j];
    if (j >= cur.len || c === LF || c === HASH) {
      cur.seekLine(cur.nextLineStart(j));
      return this.blockNode(m, mat, false);
    }
    if (cur.isSeqItem(j)) bail(); // `- - x`: compact nested sequences are outside the subset
    if (!mat) {
      const skim = skimPlainLine(cur, m, j);
      if (skim === SKIM_DONE) return undefined;
      if (skim === SKIM_KEY) return this.mapping(cur.column(j), j, mat);
    }
    if (cur.isKeyAt(j)) return this.mapping(cur.column(j), j, mat);
    return this.inlineValue(m, j, mat, false);
  }

  /** Where the content after the current line's `-` starts; tabs there leave the subset. */
  itemContentStart(): number {
    const cur = this.cur;
    const j = cur.skipBlanks(cur.first + 1);
    for (let k = cur.first + 1; k < j; k++) if (cur.buf[k] === TAB) bail();
    return j;
  }

  /** A value that starts on the current line at p, in a node indented n. */
  inlineValue(n: number, p: number, mat: boolean, allowIndicator: boolean): RawValue | undefined {
    const cur = this.cur;
    const buf = cur.buf;
    const c = buf[p];
    if (c === DQ || c === SQ) return readQuoted(cur, n, p, mat);
    if (c === 0x7c || c === 0x3e) return readBlockScalar(cur, n, p, mat, allowIndicator);
    if (c === 0x5b || c === 0x7b) {
      const j = cur.skipBlanks(p + 1);
      if (buf[j] !== (c === 0x5b ? 0x5d : 0x7d)) bail(); // only empty flow collections
      cur.finishLine(j + 1);
      if (!mat) return undefined;
      return c === 0x5b ? [] : {};
    }
    if (!isPlainStart(buf, p, cur.len)) bail();
    return readPlain(cur, n, p, mat);
  }
}

/** Sets a decoded key; `__proto__` becomes an ordinary own property. */
function setEntry(map: RawMap, key: string, value: RawValue): void {
  if (key === '__proto__') Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}
