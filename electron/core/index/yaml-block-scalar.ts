/** Literal (`|`) and folded (`>`) block scalars for the fast block-YAML scanner. */
import { bail, DASH, HASH, LF, SP, TAB, utf8 } from './yaml-bytes';
import type { YamlCursor } from './yaml-cursor';

const KEEP = 1;
const CLIP = 0;
const STRIP = -1;

/** Builds a block scalar's text line by line, applying YAML's folding and chomping. */
class BlockText {
  private out = '';
  private emptyLines = 0;
  private didRead = false;
  private atMoreIndented = false;

  constructor(private readonly folded: boolean) {}

  empty(): void {
    this.emptyLines++;
  }

  line(text: string, moreIndented: boolean): void {
    const { emptyLines, didRead } = this;
    if (!this.folded || moreIndented) {
      if (moreIndented) this.atMoreIndented = true;
      this.out += '\n'.repeat(didRead ? 1 + emptyLines : emptyLines);
    } else if (this.atMoreIndented) {
      this.atMoreIndented = false;
      this.out += '\n'.repeat(emptyLines + 1);
    } else if (emptyLines === 0) {
      if (didRead) this.out += ' ';
    } else {
      this.out += '\n'.repeat(emptyLines);
    }
    this.out += text;
    this.emptyLines = 0;
    this.didRead = true;
  }

  finish(chomping: number): string {
    if (chomping === KEEP) return this.out + '\n'.repeat(this.didRead ? 1 + this.emptyLines : this.emptyLines);
    if (chomping === CLIP && this.didRead) return this.out + '\n';
    return this.out;
  }
}

/**
 * Reads a block scalar whose header (`|`, `>`, with optional chomping and indentation indicators)
 * is at p, inside a node indented n. Explicit indentation is accepted only when allowIndicator.
 */
export function readBlockScalar(cur: YamlCursor, n: number, p: number, mat: boolean, allowIndicator: boolean): string | undefined {
  const { buf, len } = cur;
  const folded = buf[p] === 0x3e;
  let i = p + 1;
  let chomping = CLIP;
  let explicit = 0;
  for (let k = 0; k < 2; k++) {
    const c = buf[i] as number;
    if ((c === 0x2b || c === DASH) && chomping === CLIP) chomping = c === DASH ? STRIP : KEEP;
    else if (c >= 0x31 && c <= 0x39 && explicit === 0) explicit = c - 0x30;
    else break;
    i++;
  }
  const j = cur.skipBlanks(i);
  if (j < len && buf[j] !== LF && (buf[j] !== HASH || j === i)) bail();
  if (explicit > 0 && !allowIndicator) bail();
  let indent = explicit > 0 ? n + explicit : 0;
  const text = mat ? new BlockText(folded) : undefined;
  let leadingEmptyMax = 0;
  let q = cur.nextLineStart(j);
  while (q < len) {
    let s = q;
    while (s < len && buf[s] === SP && (indent === 0 || s - q < indent)) s++;
    if (s >= len || buf[s] === LF) {
      if (indent === 0) leadingEmptyMax = Math.max(leadingEmptyMax, s - q);
      text?.empty();
      q = s >= len ? len : s + 1;
      continue;
    }
    const spaces = s - q;
    if (indent === 0) {
      if (buf[s] === TAB) bail(); // tabs before the content indentation is known
      if (spaces <= n) break; // an empty scalar: this line belongs to the parent
      if (leadingEmptyMax > spaces) bail();
      indent = spaces;
    } else if (spaces < indent) {
      if (buf[s] === TAB) bail();
      break;
    }
    let e = s;
    for (; e < len; e++) {
      const b = buf[e] as number;
      if (b === LF) break;
      if (b < SP ? b !== TAB : b === 0x7f) bail();
    }
    text?.line(utf8(buf, s, e), buf[s] === SP || buf[s] === TAB);
    q = e >= len ? len : e + 1;
  }
  cur.seekLine(q);
  return text?.finish(chomping);
}
