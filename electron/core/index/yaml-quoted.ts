/** Single- and double-quoted scalars for the fast block-YAML scanner (escapes, line folding). */
import { BACKSLASH, bail, DQ, LF, SP, SQ, TAB, utf8 } from './yaml-bytes';
import type { YamlCursor } from './yaml-cursor';

const HEX_LENGTH: Record<number, number> = { 0x78: 2, 0x75: 4, 0x55: 8 }; // x u U
const SIMPLE_ESCAPES: Record<number, string> = {
  0x30: '\0', 0x61: '\x07', 0x62: '\b', 0x74: '\t', 0x09: '\t', 0x6e: '\n', 0x76: '\v', 0x66: '\f',
  0x72: '\r', 0x65: '\x1b', 0x20: ' ', 0x22: '"', 0x2f: '/', 0x5c: '\\', 0x4e: '\x85', 0x5f: '\xa0',
  0x4c: '\u2028', 0x50: '\u2029',
};

/** Byte classes inside quotes: 0 ordinary, 1 double quote, 2 single quote, 3 backslash, 4 line feed, 5 forbidden. */
const QUOTED_CLASS = new Uint8Array(256);
for (let b = 0; b < SP; b++) QUOTED_CLASS[b] = b === TAB ? 0 : 5;
QUOTED_CLASS[0x7f] = 5;
QUOTED_CLASS[DQ] = 1;
QUOTED_CLASS[SQ] = 2;
QUOTED_CLASS[BACKSLASH] = 3;
QUOTED_CLASS[LF] = 4;

/**
 * Reads a quoted scalar starting at the quote at p; continuation lines must be indented more than
 * n. Moves the cursor to the next structural line and returns the text when materializing.
 */
export function readQuoted(cur: YamlCursor, n: number, p: number, mat: boolean): string | undefined {
  const { buf, len } = cur;
  const double = buf[p] === DQ;
  const closing = double ? 1 : 2;
  let i = p + 1;
  let simple = true;
  for (;;) {
    if (i >= len) bail(); // unterminated
    const kind = QUOTED_CLASS[buf[i] as number] as number;
    if (kind === 0 || (kind !== closing && kind < 3) || (kind === 3 && !double)) {
      i++;
    } else if (kind === closing) {
      if (double || buf[i + 1] !== SQ) break;
      simple = false; // '' inside single quotes
      i += 2;
    } else if (kind === 3) {
      simple = false;
      i = skipEscape(buf, i + 1, len);
      // YAML parsers disagree on empty lines after an escaped line break: leave those to the full parser.
      if (buf[i] === LF && buf[cur.skipBlanks(i + 1)] === LF) bail();
    } else if (kind === 4) {
      simple = false;
      i = continuationStart(cur, n, i + 1);
    } else {
      bail();
    }
  }
  const value = !mat ? undefined : simple ? utf8(buf, p + 1, i) : decodeQuoted(buf, p + 1, i, double);
  cur.finishLine(i + 1);
  return value;
}

/** Validates the escape whose letter is at j and returns the position after it (the line feed's own position for an escaped line break). */
export function skipEscape(buf: Buffer, j: number, len: number): number {
  const c = buf[j];
  if (c === undefined || j >= len) bail();
  if (c === LF) return j; // escaped line break: the caller handles the break itself
  if (SIMPLE_ESCAPES[c] !== undefined) return j + 1;
  const digits = HEX_LENGTH[c];
  if (digits === undefined) bail();
  let code = 0;
  for (let k = 1; k <= digits; k++) {
    const h = hexValue(buf[j + k]);
    if (h < 0) bail();
    code = code * 16 + h;
  }
  if (code > 0x10ffff) bail();
  return j + 1 + digits;
}

/** Checks the line starting at q inside a quoted scalar and returns where its text starts. */
function continuationStart(cur: YamlCursor, n: number, q: number): number {
  const { buf, len } = cur;
  let s = q;
  while (s < len && buf[s] === SP) s++;
  if (s >= len) bail();
  if (buf[s] === LF) return s; // an empty line
  if (s - q <= n) bail(); // not indented enough (a tab there does not count as indentation)
  return s;
}

function hexValue(c: number | undefined): number {
  if (c === undefined) return -1;
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** Decodes quoted text between s and e: escapes (double quotes), '' (single quotes), line folding. */
export function decodeQuoted(buf: Buffer, s: number, e: number, double: boolean): string {
  let out = '';
  let seg = s;
  let i = s;
  while (i < e) {
    const b = buf[i] as number;
    if (double && b === BACKSLASH) {
      out += utf8(buf, seg, i);
      const c = buf[i + 1] as number;
      if (c === LF) {
        i = skipFoldedBreaks(buf, i + 1, e, (count) => (out += '\n'.repeat(count - 1)));
      } else if (SIMPLE_ESCAPES[c] !== undefined) {
        out += SIMPLE_ESCAPES[c];
        i += 2;
      } else {
        const digits = HEX_LENGTH[c] as number;
        out += String.fromCodePoint(parseInt(buf.toString('latin1', i + 2, i + 2 + digits), 16));
        i += 2 + digits;
      }
      seg = i;
    } else if (!double && b === SQ) {
      out += utf8(buf, seg, i) + "'";
      i += 2;
      seg = i;
    } else if (b === LF) {
      let t = i;
      while (t > seg && (buf[t - 1] === SP || buf[t - 1] === TAB)) t--;
      out += utf8(buf, seg, t);
      let empties = 0;
      i = skipFoldedBreaks(buf, i, e, (count) => (empties = count - 1));
      out += empties > 0 ? '\n'.repeat(empties) : ' ';
      seg = i;
    } else {
      i++;
    }
  }
  return out + utf8(buf, seg, e);
}

/**
 * From a line break at i, skips it, any empty lines and the leading blanks of the next text line.
 * Reports how many line breaks were crossed (the first one included) and returns the text start.
 */
function skipFoldedBreaks(buf: Buffer, i: number, e: number, report: (breaks: number) => void): number {
  let breaks = 0;
  while (i < e && buf[i] === LF) {
    breaks++;
    i++;
    while (i < e && (buf[i] === SP || buf[i] === TAB)) i++;
  }
  report(breaks);
  return i;
}
