/**
 * Two habits of go-yaml v2's emitter that Helm's provenance text shows and the yaml library does
 * not share: strings that would read back as another type (1.0, true, yes, ~) are double-quoted,
 * and long plain or single-quoted values fold at a space once the line is past column 80.
 */
import { Document, visit, Scalar } from 'yaml';

const WIDTH = 80;

const YAML_11_TAGS = new Document(null, { version: '1.1' }).schema.tags;

/** True when `text`, written plain, would resolve to a tag other than str under YAML 1.1 (go-yaml v2's resolve). */
function resolvesToOtherType(text: string): boolean {
  if (text === '' || text === '~') return true;
  return YAML_11_TAGS.some((tag) => tag.default === true && tag.tag !== 'tag:yaml.org,2002:str' && tag.test instanceof RegExp && tag.test.test(text));
}

/** Marks string scalars that go-yaml would double-quote. */
export function quoteLikeGoYaml(doc: Document): void {
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string' || node.value.includes('\n')) return;
      if (resolvesToOtherType(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
}

/** Folds one `key: value` or `- value` line the way go-yaml does (at a space, once past column 80). */
function foldLine(line: string): string {
  if (line.length <= WIDTH) return line;
  const match = /^( *)((?:- )*)((?:[^'"\s][^:]*|'[^']*'): )?(.*)$/.exec(line);
  if (!match) return line;
  const [, indent = '', dashes = '', key = '', value = ''] = match;
  const first = value[0];
  if (first === '"' || first === '|' || first === '>' || first === '[' || first === '{' || value === '') return line;
  const continuation = ' '.repeat(indent.length + dashes.length + 2);
  let out = `${indent}${dashes}${key}`;
  let column = out.length;
  const quoted = first === "'";
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    const next = value[i + 1];
    const afterSpace = i > 0 && value[i - 1] === ' ';
    const edge = quoted && (i === 0 || i === value.length - 1);
    if (ch === ' ' && !afterSpace && !edge && column > WIDTH && next !== ' ' && next !== undefined) {
      out += `\n${continuation}`;
      column = continuation.length;
      continue;
    }
    out += ch;
    column += 1;
  }
  return out;
}

/** Applies go-yaml's folding to the plain and single-quoted values of a stringified document (block scalars untouched). */
export function foldLikeGoYaml(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let blockIndent = -1;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0 && (line.trim() === '' || indent > blockIndent)) {
      out.push(line);
      continue;
    }
    blockIndent = /: [|>][-+]?$|^ *- [|>][-+]?$/.test(line) ? indent : -1;
    out.push(blockIndent >= 0 ? line : foldLine(line));
  }
  return out.join('\n');
}

