import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../../support/paths';
import { startSandbox } from '../../sandbox/index';
import { request } from './helpers';

describe('sandbox index.yaml', () => {
  it('reproduces ChartMuseum\'s published output for the seeded org1/repo1, plus Helm 3\'s apiVersion default', async () => {
    const sb = await startSandbox({ auth: 'none' });
    try {
      const res = await request(`${sb.repoUrl}/org1/repo1/index.yaml`);
      const sample = readFileSync(path.join(SHARED_DATA, 'index', 'chartmuseum-server-output-authexample-readme.yaml'), 'utf8');
      const expected = sample.replace('  - created:', '  - apiVersion: v1\n    created:');
      const stripGenerated = (text: string) => text.replace(/^generated: .*$/m, 'generated: X');
      expect(stripGenerated(res.text)).toBe(stripGenerated(expected));
      expect(parse(res.text).generated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    } finally {
      await sb.close();
    }
  });

  it('puts both seed charts in the default namespace at depth 0', async () => {
    const sb = await startSandbox({ auth: 'none', depth: 0 });
    try {
      const index = parse((await request(`${sb.repoUrl}/index.yaml`)).text) as { entries: Record<string, unknown[]> };
      expect(Object.keys(index.entries)).toEqual(['mychart', 'otherchart']);
    } finally {
      await sb.close();
    }
  });
});
