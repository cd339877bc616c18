/** Line and column (1-based) of a position, for error messages that say where. */

/** Position of a byte offset in UTF-8 bytes; the column counts characters. */
export function lineColumnOfByte(buf: Buffer, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = buf.indexOf(0x0a, 0); at >= 0 && at < offset; at = buf.indexOf(0x0a, at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: buf.toString('utf8', lineStart, offset).length + 1 };
}

/** Position of a character offset in a string. */
export function lineColumnOfChar(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The first byte that YAML and JSON both forbid (C0 controls except tab, LF, CR), or -1. */
export function findControlByte(buf: Buffer, start: number): number {
  for (let i = start; i < buf.length; i++) {
    const b = buf[i] as number;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return i;
  }
  return -1;
}
