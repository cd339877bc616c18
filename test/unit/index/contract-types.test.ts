import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import * as contract from '../../../electron/contract/charts';
import type * as core from '../../../electron/core/index/query-types';
import { openIndex, readIndexFile } from './support';

describe('the contract schemas match the index engine’s types', () => {
  it('at compile time', () => {
    expectTypeOf<z.output<typeof contract.ChartVersion>>().toEqualTypeOf<core.ChartVersion>();
    expectTypeOf<z.output<typeof contract.ChartSummary>>().toEqualTypeOf<core.ChartSummary>();
    expectTypeOf<z.output<typeof contract.ChartDetail>>().toEqualTypeOf<core.ChartDetail>();
    expectTypeOf<z.output<typeof contract.ChartList>>().toEqualTypeOf<core.ChartList>();
    expectTypeOf<z.output<typeof contract.SearchResult>>().toEqualTypeOf<core.SearchResult>();
    expectTypeOf<z.output<typeof contract.IndexWarning>>().toEqualTypeOf<core.IndexWarning>();
    expectTypeOf<z.output<typeof contract.IndexInfo>>().toEqualTypeOf<core.IndexInfo>();
  });

  it('at run time: real results pass the schemas unchanged', () => {
    const index = openIndex(readIndexFile('grafana.yaml'));
    expect(contract.IndexInfo.parse(index.info())).toEqual(index.info());
    expect(contract.ChartList.parse(index.list({ limit: 1000 }))).toEqual(index.list({ limit: 1000 }));
    expect(contract.SearchResult.parse(index.search('loki'))).toEqual(index.search('loki'));
    const detail = index.detail('loki-stack');
    expect(contract.ChartDetail.parse(detail)).toEqual(detail);
  });
});
