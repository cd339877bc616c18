/** Byte constants and small helpers shared by the fast block-YAML scanner's modules. */

/** Thrown when the input leaves the subset the fast scanner handles; never seen by users. */
export const YAML_BAIL = Object.freeze({ bail: true as const });

/** Space. */
export const SP = 0x20;
/** Tab. */
export const TAB = 0x09;
/** Line feed. */
export const LF = 0x0a;
/** `#`, starts a comment after a blank. */
export const HASH = 0x23;
/** `:`, ends an implicit key when a blank follows. */
export const COLON = 0x3a;
/** `-`, a sequence item when a blank follows. */
export const DASH = 0x2d;
/** `"`. */
export const DQ = 0x22;
/** `'`. */
export const SQ = 0x27;
/** `\`. */
export const BACKSLASH = 0x5c;

type SliceableBuffer = Buffer & { utf8Slice?: (start: number, end: number) => string };

/** Decodes the UTF-8 bytes [s, e) of buf (through Buffer's own fast path when it has one). */
export function utf8(buf: Buffer, s: number, e: number): string {
  const b = buf as SliceableBuffer;
  return b.utf8Slice !== undefined ? b.utf8Slice(s, e) : buf.toString('utf8', s, e);
}

/** Throws the bail-out sentinel. */
export function bail(): never {
  throw YAML_BAIL;
}

/** True for a space, a tab, a line feed or the end of the buffer (undefined). */
export function isBreakOrBlank(c: number | undefined): boolean {
  return c === undefined || c === SP || c === TAB || c === LF;
}

/** True when a plain scalar may start at p (YAML's indicator rules, block context). */
export function isPlainStart(buf: Buffer, p: number, len: number): boolean {
  const c = buf[p];
  if (c === undefined || p >= len) return false;
  switch (c) {
    case DASH:
    case 0x3f: // ?
    case COLON:
      return !isBreakOrBlank(p + 1 < len ? buf[p + 1] : undefined);
    case 0x2c: // ,
    case 0x5b: // [
    case 0x5d: // ]
    case 0x7b: // {
    case 0x7d: // }
    case HASH:
    case 0x26: // &
    case 0x2a: // *
    case 0x21: // !
    case 0x7c: // |
    case 0x3e: // >
    case SQ:
    case DQ:
    case 0x25: // %
    case 0x40: // @
    case 0x60: // `
    case SP:
    case TAB:
    case LF:
      return false;
    default:
      return c >= SP;
  }
}
