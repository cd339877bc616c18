/**
 * The safe full YAML parser for index files the fast scanner does not handle: the `yaml` package
 * with the failsafe schema (scalars stay as written), no custom tags, and hard limits on alias
 * expansion, merge keys and nesting depth so a YAML bomb fails fast with a clear error.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Alias, type Document, type Node } from 'yaml';
import { ChartDeskError } from '../errors';
import { isNullText } from './yaml-plain';
import { DEFAULT_YAML_LIMITS, type YamlLimits } from './yaml-limits';

export { DEFAULT_YAML_LIMITS, type YamlLimits } from './yaml-limits';

const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq', 'timestamp', 'binary', 'merge'].map((t) => `tag:yaml.org,2002:${t}`));

/** Parses a whole YAML document into plain data (mappings without prototypes, scalars as text). */
export function parseYamlFull(text: string, limits: YamlLimits = DEFAULT_YAML_LIMITS): unknown {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { schema: 'failsafe', uniqueKeys: false, prettyErrors: false, lineCounter });
  } catch (error) {
    if (error instanceof RangeError) throw invalid('it is nested too deeply to read');
    throw error;
  }
  const first = doc.errors[0];
  if (first !== undefined) {
    const { line, col } = lineCounter.linePos(first.pos[0]);
    const message = first.message.split('\n')[0] ?? 'syntax error';
    const reason = /call stack/i.test(message) ? 'it is nested too deeply to read' : message.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
    throw invalid(`${reason} (line ${line}, column ${col})`);
  }
  return new Walker(doc, lineCounter, limits).value(doc.contents, 0);
}

function invalid(detail: string): ChartDeskError {
  return new ChartDeskError('index-invalid', 'index-parse', `The index is not valid YAML: ${detail}.`, {
    hint: 'Check the repository’s index.yaml; ChartDesk reads what Helm reads.',
  });
}

/** Turns yaml's document tree into plain data under the limits. */
class Walker {
  private aliasUses = 0;
  private aliasNodes = 0;
  private insideAlias = 0;
  /** Anchored nodes by name, in document order (a name may be defined again later). */
  private readonly anchors = new Map<string, Node[]>();

  constructor(
    doc: Document.Parsed,
    private readonly lines: LineCounter,
    private readonly limits: YamlLimits,
  ) {
    visit(doc, (_key, node) => {
      const anchor = (node as { anchor?: string } | null)?.anchor;
      if (anchor !== undefined && !isPair(node)) {
        const list = this.anchors.get(anchor) ?? [];
        list.push(node as Node);
        this.anchors.set(anchor, list);
      }
    });
  }

  value(node: unknown, depth: number): unknown {
    if (node === null || node === undefined) return null;
    if (depth > this.limits.maxDepth) throw this.limitError(`it is nested more than ${this.limits.maxDepth} levels deep`, node);
    if (this.insideAlias > 0 && ++this.aliasNodes > this.limits.maxAliasNodes) throw this.limitError('its aliases expand to too much data (a "YAML bomb")', node);
    this.checkTag(node);
    if (isAlias(node)) return this.follow(node, depth);
    if (isScalar(node)) {
      if (node.tag === 'tag:yaml.org,2002:null') return null;
      const text = String(node.value ?? '');
      return node.type === 'PLAIN' && isNullText(text) ? null : text;
    }
    if (isSeq(node)) return node.items.map((item) => this.value(item, depth + 1));
    if (isMap(node)) return this.mapping(node.items, depth);
    throw this.limitError('it uses a YAML construct index files do not use', node);
  }

  private mapping(items: unknown[], depth: number): Record<string, unknown> {
    const out = Object.create(null) as Record<string, unknown>;
    const merges: unknown[] = [];
    for (const pair of items) {
      if (!isPair(pair)) continue;
      const key = pair.key;
      if (isScalar(key) && key.type === 'PLAIN' && key.value === '<<') {
        merges.push(pair.value);
        continue;
      }
      if (key !== null && !isScalar(key)) throw this.limitError('it uses a complex mapping key', key);
      this.checkTag(key);
      const name = String(key?.value ?? '');
      // Checked here rather than by the yaml package, whose check is quadratic in the key count.
      if (name in out) throw this.limitError('Map keys must be unique', key ?? pair);
      out[name] = this.value(pair.value, depth + 1);
    }
    for (const source of merges) this.merge(out, source, depth);
    return out;
  }

  /** Applies a `<<` merge key: keys already present win. */
  private merge(target: Record<string, unknown>, source: unknown, depth: number): void {
    const sources = isSeq(source) ? source.items : [source];
    for (const item of sources) {
      const value = this.value(item, depth + 1);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw this.limitError('a merge key (<<) does not point at a mapping', item);
      for (const [key, inner] of Object.entries(value)) if (!(key in target)) target[key] = inner;
    }
  }

  private follow(node: Alias, depth: number): unknown {
    if (++this.aliasUses > this.limits.maxAliasUses) throw this.limitError('it uses too many aliases (a "YAML bomb")', node);
    const at = node.range?.[0] ?? Infinity;
    const target = (this.anchors.get(node.source) ?? []).filter((n) => (n.range?.[0] ?? 0) < at).pop();
    if (target === undefined) throw this.limitError(`the alias *${node.source} has no anchor`, node);
    this.insideAlias++;
    try {
      return this.value(target, depth + 1);
    } finally {
      this.insideAlias--;
    }
  }

  private checkTag(node: unknown): void {
    const tag = (node as { tag?: string } | null)?.tag;
    if (tag !== undefined && !CORE_TAGS.has(tag)) throw this.limitError(`it uses the custom tag ${tag.slice(0, 100)}, which ChartDesk does not accept`, node);
  }

  private limitError(reason: string, node: unknown): ChartDeskError {
    const offset = (node as { range?: [number, number, number] } | null)?.range?.[0];
    if (offset === undefined) return invalid(reason);
    const { line, col } = this.lines.linePos(offset);
    return invalid(`${reason} (line ${line}, column ${col})`);
  }
}
