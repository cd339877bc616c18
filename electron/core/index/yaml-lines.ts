/**
 * The line machinery of the fast block-YAML scanner: where the current structural line starts,
 * its indentation, and moving past blank lines, comments and the end of a value.
 */
import { bail, DASH, HASH, isBreakOrBlank, LF, SP, TAB } from './yaml-bytes';

/** Current line state of a scan over one buffer. */
export class YamlLines {
  readonly buf: Buffer;
  readonly len: number;
  /** Start of the current structural line (blank and comment lines are skipped). */
  lineStart = 0;
  /** Its indentation in spaces; -1 at the end of the input. */
  indent = -1;
  /** Position of its first non-space byte. */
  first = 0;
  /** How many blank lines, and whether comment lines or blank lines with tabs, the last seekLine passed over. */
  skippedBlanks = 0;
  skippedComment = false;
  skippedTab = false;
  /** Set by the plain-scalar scanner: where the last line's text ends and whether a comment followed. */
  textEnd = 0;
  textComment = false;

  constructor(buf: Buffer, end = buf.length) {
    this.buf = buf;
    this.len = end;
  }

  /** Moves to the first structural line at or after line start p, skipping blank and comment lines. */
  seekLine(p: number): void {
    const { buf, len } = this;
    let blanks = 0;
    let comment = false;
    let tab = false;
    while (p < len) {
      let i = p;
      while (i < len && buf[i] === SP) i++;
      const c = buf[i];
      if (i >= len) break;
      if (c === LF) {
        blanks++;
        p = i + 1;
        continue;
      }
      if (c === HASH) {
        comment = true;
        p = this.nextLineStart(i);
        continue;
      }
      if (c === TAB) {
        const j = this.skipBlanks(i);
        if (j >= len || buf[j] === LF) {
          blanks++;
          tab = true;
          p = j + 1;
          continue;
        }
        if (buf[j] === HASH) {
          comment = true;
          p = this.nextLineStart(j);
          continue;
        }
        bail(); // a tab in indentation
      }
      this.skippedBlanks = blanks;
      this.skippedComment = comment;
      this.skippedTab = tab;
      this.lineStart = p;
      this.first = i;
      this.indent = i - p;
      return;
    }
    this.skippedBlanks = blanks;
    this.skippedComment = comment;
    this.skippedTab = tab;
    this.lineStart = len;
    this.first = len;
    this.indent = -1;
  }

  /** The start of the line after the one holding position p (or the end of the input). */
  nextLineStart(p: number): number {
    if (this.buf[p] === LF) return p + 1 < this.len ? p + 1 : this.len; // the usual case: p is the line feed
    if (p >= this.len) return this.len;
    const at = this.buf.indexOf(LF, p);
    return at < 0 || at >= this.len ? this.len : at + 1;
  }

  /** The first position at or after p that is not a space or tab. */
  skipBlanks(p: number): number {
    const { buf, len } = this;
    while (p < len && (buf[p] === SP || buf[p] === TAB)) p++;
    return p;
  }

  /** After a value that ended at p: allows blanks and a comment, then moves to the next structural line. */
  finishLine(p: number): void {
    const j = this.skipBlanks(p);
    if (j < this.len && this.buf[j] !== LF) {
      if (this.buf[j] !== HASH || j === p) bail();
    }
    this.seekLine(this.nextLineStart(j));
  }

  /** True when the line content at p is `-` followed by a blank or the end of the line. */
  isSeqItem(p: number): boolean {
    return this.buf[p] === DASH && isBreakOrBlank(this.buf[p + 1]);
  }

  /** Column of position p on the current line. */
  column(p: number): number {
    return p - this.lineStart;
  }
}
