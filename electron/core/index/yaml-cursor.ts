/**
 * The cursor of the fast block-YAML scanner: line state (YamlLines) plus keys, the stack of keys
 * of the open mappings and duplicate detection. Anything outside the subset index files use makes
 * the scanner give up (throw YAML_BAIL) so the caller can fall back to the full, safe parser.
 */
import { BACKSLASH, bail, COLON, DQ, HASH, isBreakOrBlank, isPlainStart, LF, SP, SQ, TAB, utf8 } from './yaml-bytes';
import { YamlLines } from './yaml-lines';
import { decodeQuoted, skipEscape } from './yaml-quoted';

/** The longest implicit key YAML allows. */
const MAX_KEY_BYTES = 1024;
/** From this many keys on, a mapping's duplicate check uses a set of key texts. */
const LARGE_MAPPING = 16;

/** Line state and key state of a scan over one buffer. */
export class YamlCursor extends YamlLines {
  /** Range of the last key read (inside the quotes for a quoted key). */
  keyStart = 0;
  keyEnd = 0;
  /** The decoded text of the last key when it had escapes (then its range is not its text). */
  keyText: string | undefined = undefined;
  /** Decoded texts of keys with escapes, referenced from the key stack by negative indexes. */
  private readonly escapedKeys: string[] = [];
  private keys = new Int32Array(256);
  /** Key texts of the open mappings with many keys, by the stack index of their first key. */
  private readonly largeMappings = new Map<number, Set<string>>();
  /** Number of ints in use on the key stack (two per key). */
  keyTop = 0;

  /** True when the text at p is an implicit key (a single-line key followed by `:` and a blank). */
  isKeyAt(p: number): boolean {
    const { buf, len } = this;
    const c = buf[p];
    if (c === DQ || c === SQ) {
      const close = this.quoteEndOnLine(p);
      if (close < 0) return false;
      const j = this.skipBlanks(close + 1);
      return buf[j] === COLON && isBreakOrBlank(j + 1 < len ? buf[j + 1] : undefined);
    }
    for (let i = p; i < len; i++) {
      const b = buf[i];
      if (b === LF) return false;
      if (b === COLON && isBreakOrBlank(i + 1 < len ? buf[i + 1] : undefined)) return true;
      if (b === HASH && (buf[i - 1] === SP || buf[i - 1] === TAB)) return false;
    }
    return false;
  }

  /** The closing quote of the quoted scalar at p when it is on the same line, else -1. */
  private quoteEndOnLine(p: number): number {
    const { buf, len } = this;
    const c = buf[p];
    for (let i = p + 1; i < len; i++) {
      const b = buf[i];
      if (b === LF) return -1;
      if (b === BACKSLASH && c === DQ) i++;
      else if (b === c) {
        if (c !== SQ || buf[i + 1] !== SQ) return i;
        i++;
      }
    }
    return -1;
  }

  /** Reads the key at p (setting keyStart/keyEnd, or keyText for a key with escapes) and returns the position after its `:`. */
  scanKey(p: number): number {
    const { buf, len } = this;
    const c = buf[p];
    let i: number;
    this.keyText = undefined;
    if (c === DQ || c === SQ) {
      let close = p + 1;
      let escaped = false;
      for (;;) {
        if (close >= len) bail();
        const b = buf[close] as number;
        if (b === c) {
          if (c === SQ && buf[close + 1] === SQ) {
            escaped = true;
            close += 2;
            continue;
          }
          break;
        }
        if (b === BACKSLASH && c === DQ) {
          escaped = true;
          close = skipEscape(buf, close + 1, len);
          if (buf[close] === LF) bail(); // a key continued on the next line
        } else if (b < SP ? b !== TAB : b === 0x7f) {
          bail(); // line breaks and control bytes
        } else {
          close++;
        }
      }
      this.keyStart = p + 1;
      this.keyEnd = close;
      if (escaped) this.keyText = decodeQuoted(buf, p + 1, close, c === DQ);
      i = this.skipBlanks(close + 1);
      const d = buf[i + 1];
      if (buf[i] !== COLON || !(i + 1 >= len || d === SP || d === TAB || d === LF)) bail();
    } else {
      if (!isPlainStart(buf, p, len)) bail();
      i = p;
      for (;;) {
        if (i >= len) bail();
        const b = buf[i] as number;
        if (b === COLON) {
          const d = buf[i + 1];
          if (i + 1 >= len || d === SP || d === TAB || d === LF) break;
        } else if (b < SP ? b !== TAB : b === 0x7f) {
          bail();
        } else if (b === HASH && (buf[i - 1] === SP || buf[i - 1] === TAB)) {
          bail();
        }
        i++;
      }
      let end = i;
      while (end > p && (buf[end - 1] === SP || buf[end - 1] === TAB)) end--;
      this.keyStart = p;
      this.keyEnd = end;
      if (end - p === 2 && buf[p] === 0x3c && buf[p + 1] === 0x3c) bail(); // << merge key
    }
    if (this.keyEnd - this.keyStart > MAX_KEY_BYTES) bail();
    return i + 1;
  }

  /**
   * Records the last key in the mapping whose keys start at stack index base; bails on a
   * duplicate. Small mappings compare bytes; from LARGE_MAPPING keys on, a set of key texts keeps
   * the check linear (a mapping with 100,000 keys must not take quadratic time).
   */
  pushKey(base: number): void {
    const { buf, keyStart, keyEnd, keyText } = this;
    if (this.keyTop === base) this.largeMappings.delete(base);
    const count = (this.keyTop - base) >> 1;
    if (count >= LARGE_MAPPING) {
      let seen = this.largeMappings.get(base);
      if (seen === undefined) {
        seen = new Set<string>();
        for (let k = base; k < this.keyTop; k += 2) seen.add(this.storedKeyText(k));
        this.largeMappings.set(base, seen);
      }
      const text = keyText ?? utf8(buf, keyStart, keyEnd);
      if (seen.has(text)) bail(); // duplicate key: the full parser reports it with its location
      seen.add(text);
    } else {
      this.compareWithEarlierKeys(base);
    }
    if (this.keyTop + 2 > this.keys.length) {
      const grown = new Int32Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    if (keyText !== undefined) {
      this.escapedKeys.push(keyText);
      this.keys[this.keyTop++] = -this.escapedKeys.length;
      this.keys[this.keyTop++] = 0;
    } else {
      this.keys[this.keyTop++] = keyStart;
      this.keys[this.keyTop++] = keyEnd;
    }
  }

  /** Ends the mapping whose keys start at stack index base. */
  popKeys(base: number): void {
    this.keyTop = base;
    this.largeMappings.delete(base);
  }

  /** Bails when the last key equals one already in the mapping starting at base. */
  private compareWithEarlierKeys(base: number): void {
    const { buf, keyStart, keyEnd, keyText, keys } = this;
    const length = keyEnd - keyStart;
    let text = keyText;
    for (let k = base; k < this.keyTop; k += 2) {
      const s = keys[k] as number;
      if (s < 0 || keyText !== undefined) {
        // A key with escapes on either side: compare decoded texts.
        text ??= utf8(buf, keyStart, keyEnd);
        if (this.storedKeyText(k) === text) bail();
        continue;
      }
      if ((keys[k + 1] as number) - s !== length || buf[s] !== buf[keyStart]) continue;
      let same = true;
      for (let j = 1; j < length; j++) {
        if (buf[s + j] !== buf[keyStart + j]) {
          same = false;
          break;
        }
      }
      if (same) bail(); // duplicate key: the full parser reports it with its location
    }
  }

  /** The text of the key stored at stack index k. */
  private storedKeyText(k: number): string {
    const s = this.keys[k] as number;
    return s < 0 ? (this.escapedKeys[-s - 1] as string) : utf8(this.buf, s, this.keys[k + 1] as number);
  }

  /** The last key as a string. */
  keyString(): string {
    return this.keyText ?? utf8(this.buf, this.keyStart, this.keyEnd);
  }

  /** True when the last key equals the ASCII text given as byte codes. */
  keyIs(ascii: readonly number[]): boolean {
    if (this.keyText !== undefined) return this.keyText === String.fromCharCode(...ascii);
    if (this.keyEnd - this.keyStart !== ascii.length) return false;
    for (let j = 0; j < ascii.length; j++) if (this.buf[this.keyStart + j] !== ascii[j]) return false;
    return true;
  }
}
