import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify, type ToStringOptions } from 'yaml';
import { parseIndex } from '../../../electron/core/index/parse-index';
import { ChartIndex } from '../../../electron/core/index/query-index';
import { everything } from './support';

/** Text with the characters that stress a YAML scanner: indicators, quotes, line breaks, unicode. */
const tricky = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', ' ', ':', '#', '-', '"', "'", '\\', '\n', '\t', '[', '{', ',', '&', '*', '!', '|', '>', '%', '@', '?', '~', '前', 'é', '😀', '\u0085', '\u2028') }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', ' ', 'null', '~', 'true', '1.10', '0x1F', '1e3', '- x', 'a: b', '# c', '"', "'", ' lead', 'trail ', 'a\n\nb', '\n', 'x\n  y'),
);
const plainish = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);

const version = fc.record(
  {
    name: plainish,
    version: fc.oneof(fc.constantFrom('1.0.0', '1.10', '13.0', 'v2.0.0-rc.10', '6.5.012', 'nightly'), tricky),
    description: tricky,
    appVersion: tricky,
    keywords: fc.array(tricky, { maxLength: 4 }),
    annotations: fc.dictionary(fc.oneof(plainish, tricky), tricky, { maxKeys: 4 }),
    maintainers: fc.array(fc.record({ name: tricky, email: tricky }, { requiredKeys: ['name'] }), { maxLength: 2 }),
    urls: fc.array(tricky, { maxLength: 2 }),
    deprecated: fc.boolean(),
    created: fc.constantFrom('2023-10-26T11:07:53.790554+08:00', '2020-09-04T04:21:47.535149119Z'),
    digest: fc.stringMatching(/^[0-9a-f]{64}$/),
  },
  { requiredKeys: ['name', 'version'] },
);

const indexDoc = fc.record({
  apiVersion: fc.constant('v1'),
  entries: fc.dictionary(fc.oneof(plainish, tricky), fc.array(version, { minLength: 1, maxLength: 3 }), { minKeys: 0, maxKeys: 4 }),
  generated: fc.constant('2026-11-28T00:00:00Z'),
});

const options: fc.Arbitrary<ToStringOptions> = fc.record({
  indent: fc.constantFrom(2, 4),
  indentSeq: fc.boolean(),
  lineWidth: fc.constantFrom(0, 20, 80),
  minContentWidth: fc.constantFrom(0, 10, 20),
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
  defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE'),
  doubleQuotedAsJSON: fc.boolean(),
  singleQuote: fc.constantFrom(null, true, false),
});

/** Parses both ways; both must fail, or both succeed with the same index. Returns the path taken. */
function agree(bytes: Buffer): string {
  let full: ChartIndex | Error;
  try {
    full = new ChartIndex(parseIndex(bytes, { forceFullParser: true }));
  } catch (error) {
    full = error as Error;
  }
  if (full instanceof Error) {
    expect(() => parseIndex(bytes)).toThrow();
    return 'error';
  }
  const data = parseIndex(bytes);
  const fast = new ChartIndex(data);
  expect(everything(fast)).toEqual(everything(full));
  expect(fast.info().warnings.map((w) => w.message)).toEqual(full.info().warnings.map((w) => w.message));
  return data.parser;
}

/** Edits: whole comment or blank lines, trailing comments (mostly), or stray characters anywhere. */
const edit = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('line' as const), at: fc.nat(), text: fc.constantFrom('# comment', '', '   ', '  # indented comment', '\t', '#', '      #') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('trailing' as const), at: fc.nat(), text: fc.constantFrom(' # c', '  #', '\t# c', ' ', '#c') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stray' as const), at: fc.nat(), text: fc.constantFrom(' ', '\t', '#', ': ', '- ', '  ', '"', "'", '---\n', '...\n', '&a ', '*a', '!!str ', '? ', '[]', '{}', '|\n', '>-\n') }) },
);

/** Applies one edit to a YAML text. */
function applyEdit(text: string, { kind, at, text: inserted }: { kind: 'line' | 'trailing' | 'stray'; at: number; text: string }): string {
  const lines = text.split('\n');
  const line = at % lines.length;
  const current = lines[line] ?? '';
  if (kind === 'line') lines.splice(line, 0, inserted);
  else if (kind === 'trailing') lines[line] = current + inserted;
  else {
    const col = at % (current.length + 1);
    lines[line] = current.slice(0, col) + inserted + current.slice(col);
  }
  return lines.join('\n');
}

describe('the fast scanner agrees with the full YAML parser', () => {
  it('on random documents with comments, blank lines and stray characters inserted', () => {
    const paths = new Map<string, number>();
    fc.assert(
      fc.property(indexDoc, options, fc.array(edit, { minLength: 1, maxLength: 4 }), (doc, opts, edits) => {
        const text = edits.reduce(applyEdit, stringify(doc, opts));
        const path = agree(Buffer.from(text, 'utf8'));
        paths.set(path, (paths.get(path) ?? 0) + 1);
      }),
      { numRuns: Number(process.env.INDEX_PROPERTY_RUNS ?? 200) },
    );
    if (process.env.INDEX_PROPERTY_RUNS) console.log('paths taken:', paths);
    expect(paths.get('fast') ?? 0).toBeGreaterThan(0);
  });

  it('on random index-shaped documents written by the yaml package', () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(indexDoc, options, (doc, opts) => {
        const bytes = Buffer.from(stringify(doc, opts), 'utf8');
        const full = new ChartIndex(parseIndex(bytes, { forceFullParser: true }));
        const data = parseIndex(bytes);
        runs++;
        if (data.parser === 'fast') fast++;
        expect(everything(new ChartIndex(data))).toEqual(everything(full));
        expect(new ChartIndex(data).info().warnings).toEqual(full.info().warnings.map(({ line: _line, ...w }) => w).map((w) => expect.objectContaining(w)));
      }),
      { numRuns: Number(process.env.INDEX_PROPERTY_RUNS ?? 200) },
    );
    // Most documents must really take the fast path, or this test proves nothing.
    if (process.env.INDEX_PROPERTY_RUNS) console.log(`fast path share: ${fast} of ${runs}`);
    expect(fast / runs).toBeGreaterThan(0.5);
  });
});
