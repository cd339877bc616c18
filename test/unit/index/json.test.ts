import { describe, expect, it } from 'vitest';
import { openIndex, thrown } from './support';

describe('the JSON form of an index', () => {
  it('is chosen by the first non-blank byte and read like YAML', () => {
    const index = openIndex('\n  {"apiVersion":"v1","entries":{"a":[{"name":"a","version":"1.10","keywords":["x"],"deprecated":true}]},"serverInfo":{"contextPath":"/x"}}');
    expect(index.info()).toMatchObject({ format: 'json', parser: 'json', contextPath: '/x', chartCount: 1 });
    expect(index.version('a', '1.10')).toMatchObject({ keywords: ['x'], deprecated: true, apiVersion: 'v1' });
  });

  it('reads numbers where Helm expects text as their text', () => {
    const index = openIndex('{"apiVersion":"v1","entries":{"a":[{"name":"a","version":"1.0.0","appVersion":2}]}}');
    expect(index.version('a', '1.0.0')?.appVersion).toBe('2');
  });

  it('says where invalid JSON goes wrong', () => {
    const cases: [string, RegExp][] = [
      ['{"apiVersion": "v1",\n "entries": {"a": [ {"name": "a", } ]}}', /quoted property name \(line 2, column 35\)/],
      ['{"entries": {"a": [1, 2}}', /expected "," or "]" \(line 1, column 24\)/],
      ['{"entries": tru}', /unknown word \(line 1, column 13\)/],
      ['{"entries": {}', /ends too early \(line 1, column 15\)/],
      ['{"entries": {}} x', /after the end of the document \(line 1, column 17\)/],
      ['{"entries": "a\\q"}', /malformed escape \(line 1, column 15\)/],
    ];
    for (const [text, where] of cases) {
      const error = thrown(() => openIndex(text));
      expect(error.kind, text).toBe('index-invalid');
      expect(error.message, text).toMatch(where);
    }
  });

  it('refuses an entries value that is not a mapping', () => {
    expect(thrown(() => openIndex('{"entries": [1]}')).message).toMatch(/"entries" is not a mapping/);
  });
});
