/**
 * Finds where JSON text stops being valid, for an error message that says where (V8's own
 * messages do not always give a position). Only runs after JSON.parse has failed.
 */

/** Offset of the first character that makes text invalid JSON, with a short reason. */
export function locateJsonError(text: string): { offset: number; reason: string } {
  const scanner = new JsonScanner(text);
  try {
    scanner.value();
    scanner.space();
    if (scanner.at < text.length) return { offset: scanner.at, reason: 'unexpected text after the end of the document' };
    return { offset: text.length, reason: 'invalid JSON' };
  } catch (error) {
    if (error instanceof JsonStop) return { offset: error.offset, reason: error.reason };
    throw error;
  }
}

class JsonStop {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

class JsonScanner {
  at = 0;
  private readonly stack: string[] = [];

  constructor(private readonly text: string) {}

  space(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at] as string)) this.at++;
  }

  /** Scans one value iteratively (no recursion, so deep nesting cannot overflow the stack). */
  value(): void {
    for (;;) {
      this.space();
      const c = this.text[this.at];
      if (c === '{' || c === '[') {
        this.at++;
        this.space();
        if (this.text[this.at] === (c === '{' ? '}' : ']')) this.at++;
        else {
          this.stack.push(c);
          if (c === '{') this.key();
          continue;
        }
      } else if (c === '"') this.string();
      else if (c !== undefined && /[-0-9]/.test(c)) this.match(/-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y, 'a malformed number');
      else if (c === 't' || c === 'f' || c === 'n') this.match(/true|false|null/y, 'an unknown word');
      else throw new JsonStop(this.at, c === undefined ? 'the document ends too early' : `unexpected character ${JSON.stringify(c)}`);
      if (!this.close()) return;
    }
  }

  /** After a value: closes finished containers; returns false when the top level is done. */
  private close(): boolean {
    for (;;) {
      const open = this.stack[this.stack.length - 1];
      if (open === undefined) return false;
      this.space();
      const c = this.text[this.at];
      if (c === ',') {
        this.at++;
        if (open === '{') this.key();
        return true;
      }
      if (c === (open === '{' ? '}' : ']')) {
        this.at++;
        this.stack.pop();
        continue;
      }
      throw new JsonStop(this.at, c === undefined ? 'the document ends too early' : `expected "," or "${open === '{' ? '}' : ']'}"`);
    }
  }

  private key(): void {
    this.space();
    if (this.text[this.at] !== '"') throw new JsonStop(this.at, 'expected a quoted property name');
    this.string();
    this.space();
    if (this.text[this.at] !== ':') throw new JsonStop(this.at, 'expected ":" after a property name');
    this.at++;
  }

  private string(): void {
    const start = this.at;
    const text = this.text;
    let i = start + 1;
    for (;;) {
      const c = text.charCodeAt(i);
      if (Number.isNaN(c) || c < 0x20) throw new JsonStop(start, 'a malformed string');
      if (c === 0x22) break;
      if (c === 0x5c) {
        const e = text[i + 1] ?? '';
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new JsonStop(i, 'a malformed \\u escape');
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e) || e === '') throw new JsonStop(i, 'a malformed escape');
        i += 2;
        continue;
      }
      i++;
    }
    this.at = i + 1;
  }

  private match(re: RegExp, reason: string): void {
    re.lastIndex = this.at;
    const m = re.exec(this.text);
    if (m === null) throw new JsonStop(this.at, reason);
    this.at += m[0].length;
  }
}
