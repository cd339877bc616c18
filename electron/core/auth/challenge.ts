/**
 * WWW-Authenticate parsing (protocol.md §2, RFC 7235): several header lines and challenges,
 * quoted strings with backslash escapes, and ChartMuseum's unescaped quotes inside values.
 * Linear time; garbage gives ChartDeskError('challenge-malformed'), never anything else.
 */
import { ChartDeskError } from '../errors';

/** One challenge: scheme and parameter names lower-cased. */
export interface Challenge {
  scheme: string;
  params: Record<string, string>;
  /** The token68 form (e.g. `Negotiate abc==`), when used instead of parameters. */
  token68?: string;
}

/** Longest header text accepted (all lines together). */
export const MAX_CHALLENGE_LENGTH = 16 * 1024;

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN68 = /[A-Za-z0-9\-._~+/]/;

function malformed(reason: string): ChartDeskError {
  return new ChartDeskError('challenge-malformed', 'challenge', `The server’s WWW-Authenticate header could not be understood: ${reason}.`, {
    hint: 'The repo or a proxy in front of it sent an authentication challenge ChartDesk cannot read.',
  });
}

/** A short printable excerpt of untrusted text, safe for messages. */
export function excerpt(text: string, max = 60): string {
  const printable = text.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > max ? `${printable.slice(0, max)}…` : printable;
}

function isWs(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

class Scanner {
  i = 0;
  constructor(readonly s: string) {}
  get c(): string | undefined {
    return this.s[this.i];
  }
  /** The current character (a method, so TypeScript does not narrow it across moves). */
  peek(): string | undefined {
    return this.s[this.i];
  }
  skipWs(): void {
    while (isWs(this.c)) this.i++;
  }
  skipSeparators(): void {
    while (isWs(this.c) || this.c === ',') this.i++;
  }
  token(): string {
    const start = this.i;
    while (this.c !== undefined && TCHAR.test(this.c)) this.i++;
    return this.s.slice(start, this.i);
  }
  /** True when a `"` at `p - 1` ends a quoted value: what follows is the end, or a comma and then a parameter or a new scheme. */
  closesAt(p: number): boolean {
    const s = this.s;
    while (isWs(s[p])) p++;
    if (p >= s.length) return true;
    if (s[p] !== ',') return false;
    while (isWs(s[p]) || s[p] === ',') p++;
    if (p >= s.length) return true;
    const start = p;
    while (s[p] !== undefined && TCHAR.test(s[p] as string)) p++;
    if (p === start) return false;
    const tokenEnd = p;
    while (isWs(s[p])) p++;
    return p >= s.length || s[p] === '=' || s[p] === ',' || p > tokenEnd;
  }
  quoted(): string {
    this.i++;
    const parts: string[] = [];
    for (;;) {
      const c = this.c;
      if (c === undefined) throw malformed('a quoted value is not closed');
      if (c === '\\' && this.i + 1 < this.s.length) {
        parts.push(this.s[this.i + 1] as string);
        this.i += 2;
        continue;
      }
      if (c === '"') {
        this.i++;
        if (this.closesAt(this.i)) return parts.join('');
        parts.push('"');
        continue;
      }
      if (c < ' ' && c !== '\t') throw malformed('a value holds a control character');
      if (c === '\x7f') throw malformed('a value holds a control character');
      parts.push(c);
      this.i++;
    }
  }
  bare(): string {
    const start = this.i;
    while (this.c !== undefined && this.c !== ',' && !isWs(this.c)) {
      if (this.c < ' ' || this.c === '\x7f' || this.c === '"') throw malformed(`unexpected character in "${excerpt(this.s.slice(start, this.i + 1))}"`);
      this.i++;
    }
    return this.s.slice(start, this.i);
  }
  /** Reads `abc==` when it stands alone before a comma or the end. */
  token68(): string | undefined {
    const start = this.i;
    let p = start;
    while (this.s[p] !== undefined && TOKEN68.test(this.s[p] as string)) p++;
    if (p === start) return undefined;
    while (this.s[p] === '=') p++;
    let q = p;
    while (isWs(this.s[q])) q++;
    if (q < this.s.length && this.s[q] !== ',') return undefined;
    this.i = q;
    return this.s.slice(start, p);
  }
}

function parseLine(line: string, out: Challenge[]): void {
  const sc = new Scanner(line);
  let current: Challenge | undefined;
  for (;;) {
    sc.skipSeparators();
    if (sc.c === undefined) return;
    const name = sc.token();
    if (!name) throw malformed(`unexpected character at "${excerpt(line.slice(sc.i, sc.i + 20))}"`);
    const afterName = sc.i;
    sc.skipWs();
    if (sc.c === '=') {
      if (!current) throw malformed(`a parameter (${excerpt(name, 40)}) comes before any scheme`);
      sc.i++;
      sc.skipWs();
      const value = sc.peek() === '"' ? sc.quoted() : sc.bare();
      const key = name.toLowerCase();
      if (!Object.prototype.hasOwnProperty.call(current.params, key)) current.params[key] = value;
      continue;
    }
    sc.i = afterName;
    current = { scheme: name.toLowerCase(), params: Object.create(null) as Record<string, string> };
    out.push(current);
    sc.skipWs();
    const t68 = sc.token68();
    if (t68 !== undefined) current.token68 = t68;
  }
}

/** Parses every challenge in one or more WWW-Authenticate header values. */
export function parseChallenges(values: string | readonly string[] | undefined): Challenge[] {
  const lines = values === undefined ? [] : typeof values === 'string' ? [values] : [...values];
  const total = lines.reduce((sum, line) => sum + (typeof line === 'string' ? line.length : 0), 0);
  if (total > MAX_CHALLENGE_LENGTH) throw malformed(`the header is ${total} characters long`);
  const out: Challenge[] = [];
  for (const line of lines) if (typeof line === 'string') parseLine(line, out);
  if (out.length === 0) throw malformed('it is empty');
  return out;
}
