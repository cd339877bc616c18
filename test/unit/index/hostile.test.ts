import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChartDeskError } from '../../../electron/core/errors';
import { createIndexParser } from '../../../electron/core/index/parse-client';
import { DIST } from '../../support/paths';

// Hostile input goes through the real worker: a heap limit and a timeout bound it, and the
// assertions below require the limits inside the parser (not the timeout) to stop it.
const parser = createIndexParser({ workerPath: path.join(DIST, 'index-worker.cjs'), timeoutMs: 25_000, maxHeapMb: 512 });

async function rejection(text: string | Uint8Array): Promise<ChartDeskError> {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const error = await parser.parse(bytes).then(
    () => new Error('the hostile index was accepted'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChartDeskError);
  return error as ChartDeskError;
}

const head = 'apiVersion: v1\n';

describe('hostile indexes fail with a clear error, within bounded time and memory', () => {
  it('a billion-laughs alias bomb', async () => {
    const lines = [head.trim(), 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    lines.push('entries:\n  x:\n  - name: x\n    version: 1.0.0\n    keywords: *j\n');
    const error = await rejection(lines.join('\n'));
    expect(error.kind).toBe('index-invalid');
    expect(error.message).toMatch(/aliases.*\(line \d+, column \d+\)/);
  });

  it('an alias bomb through merge keys', async () => {
    let text = `${head}l0: &l0 {a: 1, b: 2}\n`;
    for (let i = 1; i < 30; i++) text += `l${i}: &l${i} {x${i}: [*l${i - 1}, *l${i - 1}, *l${i - 1}], <<: *l${i - 1}}\n`;
    const error = await rejection(`${text}entries:\n  x:\n  - <<: *l29\n    name: x\n    version: 1.0.0\n`);
    expect(error.message).toMatch(/YAML bomb/);
  });

  it('deep nesting, in flow and in block style', async () => {
    const flow = await rejection(`${head}entries: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    expect(flow.message).toMatch(/nested too deeply.*line 2/);
    let block = `${head}entries:\n  a:\n  - name: a\n    version: 1.0.0\n    annotations:\n`;
    for (let i = 0; i < 1200; i++) block += `${' '.repeat(i + 6)}k${i}:\n`;
    expect((await rejection(block)).message).toMatch(/nested/);
    const json = await rejection(`{"entries":{"a":[{"name":"a","version":"1","x":${'['.repeat(200_000)}${']'.repeat(200_000)}}]}}`);
    expect(json.message).toMatch(/nested more than 64 levels/);
  });

  it('a huge declared length: an input over the size cap is refused before parsing', async () => {
    const small = createIndexParser({ workerPath: path.join(DIST, 'index-worker.cjs'), maxBytes: 1024 });
    const error = await small.parse(Buffer.alloc(4096, 0x20)).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'too-large', message: expect.stringMatching(/larger than/) });
  });

  it('a block scalar that declares a huge indentation, and an unterminated quoted string', async () => {
    expect((await rejection(`${head}entries:\n  a:\n  - name: a\n    version: 1.0.0\n    description: |99999999\n      text\n`)).message).toMatch(/line \d+, column \d+/);
    expect((await rejection(`${head}entries:\n  a:\n  - name: "a\n    version: 1.0.0\n`)).message).toMatch(/line \d+, column \d+/);
  });

  it('100,000-character keys', async () => {
    const key = 'k'.repeat(100_000);
    const chartKey = await rejection(`${head}entries:\n  ${key}:\n  - name: a\n    version: 1.0.0\n`);
    expect(chartKey.message).toMatch(/1024 chars.*\(line 3, column 3\)/);
    const field = await rejection(`${head}entries:\n  a:\n  - name: a\n    ${key}: 1\n    version: 1.0.0\n`);
    expect(field.message).toMatch(/\(line 5, column 5\)/);
  });

  it('NUL bytes, in YAML and in JSON', async () => {
    const yaml = await rejection(`${head}entries:\n  a:\n  - name: a\u0000b\n    version: 1.0.0\n`);
    expect(yaml.message).toMatch(/control byte 0x00 \(line 4, column 12\)/);
    const json = await rejection('{"apiVersion":"v1","entries":{"a":[{"name":"a\u0000","version":"1"}]}}');
    expect(json.message).toMatch(/control byte 0x00 \(line 1, column 46\)/);
  });

  it('custom tags', async () => {
    expect((await rejection(`${head}entries: !js/function x\n`)).message).toMatch(/custom tag !js\/function/);
    expect((await rejection(`${head}entries:\n  a:\n  - name: !!python/object:os.system a\n    version: 1.0.0\n`)).message).toMatch(/custom tag/);
  });

  it('things that are not an index at all', async () => {
    expect((await rejection('')).message).toMatch(/empty/);
    expect((await rejection('- a\n- b\n')).message).toMatch(/not a chart index/);
    expect((await rejection(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).kind).toBe('index-invalid');
  });

  it('a mapping with 200,000 keys is read in linear time, and a duplicate among them is found', async () => {
    const keys = Array.from({ length: 200_000 }, (_, i) => `      k${i}: v\n`).join('');
    const text = `${head}entries:\n  a:\n  - name: a\n    version: 1.0.0\n    annotations:\n${keys}`;
    const index = await parser.parse(Buffer.from(text));
    expect(Object.keys(index.version('a', '1.0.0')?.annotations ?? {})).toHaveLength(200_000);
    const duplicate = await rejection(`${text}      k123: again\n`);
    expect(duplicate.message).toMatch(/unique.*\(line 200007, column 7\)/);
    const crlf = await rejection(`${text}      k123: again\n`.replace(/\n/g, '\r\n'));
    expect(crlf.message).toMatch(/unique.*\(line 200007, column 7\)/);
  });
});
