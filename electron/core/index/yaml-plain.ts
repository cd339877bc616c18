/** Plain (unquoted) scalars for the fast block-YAML scanner, including multi-line ones. */
import { bail, COLON, HASH, LF, SP, TAB, utf8 } from './yaml-bytes';
import type { YamlCursor } from './yaml-cursor';

/** Byte classes for the plain-text loop: 0 ordinary, 1 line feed, 2 colon, 3 hash, 4 forbidden. */
const PLAIN_CLASS = new Uint8Array(256);
for (let b = 0; b < SP; b++) PLAIN_CLASS[b] = b === TAB ? 0 : 4;
PLAIN_CLASS[0x7f] = 4;
PLAIN_CLASS[LF] = 1;
PLAIN_CLASS[COLON] = 2;
PLAIN_CLASS[HASH] = 3;

/** 1 for bytes a plain scalar may start with whatever follows (indicators and blanks excluded). */
const SIMPLE_START = new Uint8Array(256);
for (let b = 0x21; b < 0x100; b++) SIMPLE_START[b] = b === 0x7f || '-?:,[]{}#&*!|>\'"%@`'.includes(String.fromCharCode(b)) ? 0 : 1;

/** skimPlainLine: the scalar was skipped and the cursor is on the next structural line. */
export const SKIM_DONE = 0;
/** skimPlainLine: the line holds `text: ` (an implicit key); nothing was consumed. */
export const SKIM_KEY = 1;
/** skimPlainLine: the general reader must look (comment, indicator, continuation line). */
export const SKIM_OTHER = 2;

/**
 * Skip-mode fast path for the most common value: a plain scalar alone on its line at p, inside a
 * node indented n. Bails on bytes YAML forbids. After SKIM_KEY or SKIM_OTHER the caller reads
 * from p again with the general readers.
 */
export function skimPlainLine(cur: YamlCursor, n: number, p: number): number {
  const { buf, len } = cur;
  if (SIMPLE_START[buf[p] as number] !== 1) return SKIM_OTHER;
  let i = p + 1;
  for (; i < len; i++) {
    const kind = PLAIN_CLASS[buf[i] as number];
    if (kind === 0) continue;
    if (kind === 1) break;
    if (kind === 2) {
      const d = buf[i + 1];
      if (i + 1 >= len || d === SP || d === TAB || d === LF) return SKIM_KEY;
    } else if (kind === 3) {
      const prev = buf[i - 1];
      if (prev === SP || prev === TAB) return SKIM_OTHER;
    } else {
      bail();
    }
  }
  cur.seekLine(i < len ? i + 1 : len);
  return cur.indent > n && !cur.skippedComment ? SKIM_OTHER : SKIM_DONE;
}

/**
 * Scans one line of plain text from p; bails on `: ` inside it or on control bytes. Returns where
 * the line ends and sets cur.textEnd (text end, blanks trimmed) and cur.textComment.
 */
function scanPlainLine(cur: YamlCursor, p: number): number {
  const { buf, len } = cur;
  let i = p;
  let comment = false;
  for (; i < len; i++) {
    const kind = PLAIN_CLASS[buf[i] as number];
    if (kind === 0) continue;
    if (kind === 1) break;
    if (kind === 2) {
      const d = buf[i + 1];
      if (i + 1 >= len || d === SP || d === TAB || d === LF) bail();
    } else if (kind === 3) {
      const prev = buf[i - 1];
      if (prev === SP || prev === TAB) {
        comment = true;
        break;
      }
    } else {
      bail();
    }
  }
  let contentEnd = i;
  while (contentEnd > p && (buf[contentEnd - 1] === SP || buf[contentEnd - 1] === TAB)) contentEnd--;
  cur.textEnd = contentEnd;
  cur.textComment = comment;
  return i;
}

/**
 * Reads a plain scalar starting at p whose continuation lines must be indented more than n, and
 * moves the cursor to the next structural line. Returns the text (or null for a YAML null) when
 * materializing, undefined otherwise.
 */
export function readPlain(cur: YamlCursor, n: number, p: number, mat: boolean): string | null | undefined {
  const buf = cur.buf;
  let end = scanPlainLine(cur, p);
  let value = mat ? utf8(buf, p, cur.textEnd) : undefined;
  let multiLine = false;
  let comment = cur.textComment;
  cur.seekLine(cur.nextLineStart(end));
  // A more indented line right after (blank lines allowed, comments not) continues the scalar.
  while (!comment && cur.indent > n && !cur.skippedComment) {
    if (cur.skippedTab) bail(); // a blank line with a tab inside a multi-line scalar
    const s = cur.first;
    end = scanPlainLine(cur, s);
    if (value !== undefined) value += (cur.skippedBlanks > 0 ? '\n'.repeat(cur.skippedBlanks) : ' ') + utf8(buf, s, cur.textEnd);
    multiLine = true;
    comment = cur.textComment;
    cur.seekLine(cur.nextLineStart(end));
  }
  if (value === undefined) return undefined;
  if (!multiLine && isNullText(value)) return null;
  return value;
}

/** The plain scalars YAML's core schema reads as null. */
export function isNullText(text: string): boolean {
  return text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL';
}
