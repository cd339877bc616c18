import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIndexParser } from '../../../electron/core/index/parse-client';
import { DIST } from '../../support/paths';
import { everything, openIndex, readIndexFile } from './support';

const workerPath = path.join(DIST, 'index-worker.cjs');

describe('parsing in a worker thread', () => {
  it('gives the same index as parsing in place, and leaves the caller’s bytes alone by default', async () => {
    const bytes = readIndexFile('argo-helm.yaml');
    const copy = Buffer.from(bytes);
    const index = await createIndexParser({ workerPath }).parse(bytes);
    expect(bytes.equals(copy)).toBe(true);
    expect(index.info()).toMatchObject({ parser: 'fast', chartCount: 11, versionCount: 1628 });
    expect(everything(index)).toEqual(everything(openIndex(copy)));
  });

  it('can take the bytes over instead of copying them', async () => {
    const bytes = new Uint8Array(readIndexFile('cilium.yaml'));
    const index = await createIndexParser({ workerPath }).parse(bytes, { transfer: true });
    expect(bytes.byteLength).toBe(0);
    expect(index.summary('cilium')?.versionCount).toBeGreaterThan(100);
    expect(index.version('cilium', '1.16.0')?.digest).toMatch(/^2d653f4826722da9/);
  });

  it('reports a parse error with its kind and position', async () => {
    const error = await createIndexParser({ workerPath })
      .parse(readIndexFile('helm-push-readme-contextpath-invalid.yaml'))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ChartDeskError', kind: 'index-invalid', message: expect.stringMatching(/line 2, column 1/) });
  });

  it('stops a parse that takes longer than its timeout', async () => {
    const error = await createIndexParser({ workerPath, timeoutMs: 1 })
      .parse(readIndexFile('grafana.yaml'))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/took longer/) });
  });

  it('stops a parse that needs more memory than allowed', async () => {
    // CRLF line ends send the file to the general YAML parser, which needs far more than 16 MB here.
    const crlf = Buffer.from(readIndexFile('grafana.yaml').toString('utf8').replace(/\n/g, '\r\n'));
    const error = await createIndexParser({ workerPath, maxHeapMb: 16 })
      .parse(crlf)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'too-large', message: expect.stringMatching(/memory/) });
  });
});
