import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { indexYaml } from '../../sandbox/chart-index';
import { openIndex, readIndexFile } from './support';

/** Whether the index says it was served by ChartMuseum, through the fast scanner, the full YAML parser and the JSON form. */
function servedByEveryPath(bytes: Buffer): boolean[] {
  const asJson = JSON.stringify(parse(bytes.toString('utf8'), { schema: 'failsafe', maxAliasCount: 100 }));
  const fast = openIndex(bytes).info();
  const full = openIndex(bytes, { forceFullParser: true }).info();
  const json = openIndex(asJson).info();
  expect([fast.parser, full.parser, json.parser]).toEqual(['fast', 'full', 'json']);
  return [fast.servedByChartMuseum, full.servedByChartMuseum, json.servedByChartMuseum];
}

describe('telling a ChartMuseum index from a static one (the serverInfo key)', () => {
  it.each(['chartmuseum-server-output-authexample-readme.yaml', 'helm-td-chartmuseum-index.yaml'])('%s was served by ChartMuseum', (file) => {
    expect(servedByEveryPath(readIndexFile(file))).toEqual([true, true, true]);
  });

  it.each(['bitnami-2023-03.yaml', 'cilium.yaml'])('%s is a static repo', (file) => {
    expect(servedByEveryPath(readIndexFile(file))).toEqual([false, false, false]);
  });

  it('the index the sandbox ChartMuseum serves (serverInfo: {}) counts as ChartMuseum', () => {
    expect(servedByEveryPath(Buffer.from(indexYaml([]), 'utf8'))).toEqual([true, true, true]);
  });

  it('a JSON index without serverInfo is static; an empty serverInfo value still counts', () => {
    expect(openIndex(readIndexFile('helm-td-local-index.json')).info().servedByChartMuseum).toBe(false);
    expect(openIndex('apiVersion: v1\nserverInfo:\nentries: {}\n').info().servedByChartMuseum).toBe(true);
    expect(openIndex('{"apiVersion":"v1","serverInfo":null,"entries":{}}').info().servedByChartMuseum).toBe(true);
  });
});
