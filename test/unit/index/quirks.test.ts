import { describe, expect, it } from 'vitest';
import { everything, openIndex, readIndexFile } from './support';

const real = (file: string) => openIndex(readIndexFile(file));

describe('quirks of real indexes (SOURCES.md)', () => {
  it('orders pre-releases numerically: rc.10 comes before (is newer than) rc.9', () => {
    const versions = real('grafana.yaml').detail('k8s-monitoring')?.versions.map((v) => v.version) ?? [];
    expect(versions).toContain('2.0.0-rc.10');
    expect(versions.indexOf('2.0.0-rc.10')).toBeLessThan(versions.indexOf('2.0.0-rc.9'));
    expect(versions.indexOf('2.0.0')).toBeLessThan(versions.indexOf('2.0.0-rc.10'));
  });

  it('keeps versions with leading zeros as written and orders them numerically', () => {
    const versions = real('kubesphere-stable.yaml').detail('deepflow')?.versions.map((v) => v.version) ?? [];
    expect(versions.slice(0, 4)).toEqual(['6.5.012', '6.5.011', '6.5.010', '6.5.007']);
    const argo = real('argo-helm.yaml').version('argo-workflows', '0.46.00');
    expect(argo).toMatchObject({ version: '0.46.00', validSemver: true });
  });

  it('keeps quoted "13.0" exactly and sorts it with 13.0.0', () => {
    const index = real('seafile.yaml');
    const name = index.chartNames().find((n) => index.version(n, '13.0') !== undefined) as string;
    const versions = index.detail(name)?.versions.map((v) => v.version) ?? [];
    expect(versions.slice(0, 5)).toEqual(['13.0.3', '13.0.2', '13.0.1', '13.0.0', '13.0']);
    expect(index.version(name, '13.0')?.appVersion).toBe('13.0');
  });

  it('accepts the legacy url and checksum fields', () => {
    const alpine = real('helm-td-helmhome-testing-index.yaml').version('alpine', '0.1.0');
    expect(alpine).toMatchObject({
      urls: ['https://charts.helm.sh/stable/alpine-0.1.0.tgz'],
      digest: '0e6661f193211d7a5206918d42f5c2a9470b737d',
      digestFromChecksum: true,
      deprecated: true,
    });
  });

  it('accepts entries without apiVersion (Helm assumes v1)', () => {
    expect(real('helm-td-server-index.yaml').version('nginx', '0.1.0')?.apiVersion).toBe('v1');
  });

  it('reads "entries: {}" as an empty index without warnings', () => {
    const index = real('helm-stable-empty-2020.yaml');
    expect(index.info()).toMatchObject({ chartCount: 0, versionCount: 0, warningCount: 0, apiVersion: 'v1' });
    expect(index.list().items).toEqual([]);
  });

  it('keeps duplicate versions, flags the later one and warns naming chart and version', () => {
    const index = real('grafana.yaml');
    const versions = index.detail('alloy-operator')?.versions.filter((v) => v.version === '0.2.6-beta.2') ?? [];
    expect(versions.map((v) => v.duplicate)).toEqual([false, true]);
    expect(versions[0]?.digest).not.toBe(versions[1]?.digest);
    expect(index.version('alloy-operator', '0.2.6-beta.2')?.digest).toBe(versions[0]?.digest);
    expect(index.info().warnings).toContainEqual(expect.objectContaining({ chart: 'alloy-operator', version: '0.2.6-beta.2' }));
    expect(real('datadog.yaml').info().warnings.map((w) => w.chart)).toContain('datadog-crds');
  });

  it('keeps CJK text, a malformed URL and +08:00 timestamps with microseconds exactly', () => {
    const bioos = real('bioos-malformed-url-2023.yaml').version('bioos', '0.1.0');
    expect(bioos).toMatchObject({
      description: 'BioOS UI 前端',
      urls: ['https://https:/bio-os.github.io/helm-charts/bioos-0.1.0.tgz'],
      created: '2023-10-26T11:07:53.790554+08:00',
    });
    expect(real('grafana-first-2020.yaml').version('grafana', real('grafana-first-2020.yaml').summary('grafana')?.latestVersion ?? '')?.created).toBe('2020-09-04T04:21:47.535149119Z');
  });

  it('reads library charts, deprecated charts and ChartMuseum serverInfo', () => {
    expect(real('bitnami-2023-03.yaml').summary('common')?.type).toBe('library');
    expect(real('helm-incubator.yaml').summary('artifactory')).toMatchObject({ deprecated: true });
    expect(real('helm-td-chartmuseum-index.yaml').info().contextPath).toBe('/v1/helm');
  });

  it('keeps annotation blocks of several KB (cilium) intact', () => {
    const index = real('cilium.yaml');
    const latest = index.version('cilium', index.summary('cilium')?.latestVersion ?? '');
    const crds = latest?.annotations['artifacthub.io/crds'] ?? '';
    expect(crds.length).toBeGreaterThan(1000);
    expect(crds).toContain('- kind: CiliumNetworkPolicy\n');
  });
});

describe('normalization of synthetic entries', () => {
  const doc = (entries: string) => `apiVersion: v1\nentries:\n${entries}`;

  it('keeps Chart.yaml string fields as written: version 1.10, appVersion 1.0, numbers, booleans', () => {
    const index = openIndex(doc('  a:\n  - name: a\n    version: 1.10\n    appVersion: 1.0\n    description: 0x10\n    kubeVersion: ">=1.20"\n    deprecated: false\n'));
    expect(index.version('a', '1.10')).toMatchObject({ version: '1.10', appVersion: '1.0', description: '0x10', kubeVersion: '>=1.20', deprecated: false });
  });

  it('puts non-semver versions last and still lists them', () => {
    const index = openIndex(doc('  a:\n  - {name: a, version: nightly}\n  - name: a\n    version: 1.0.0\n  - name: a\n    version: latest\n  - name: a\n    version: 2.0.0\n'));
    expect(index.detail('a')?.versions.map((v) => [v.version, v.validSemver])).toEqual([['2.0.0', true], ['1.0.0', true], ['nightly', false], ['latest', false]]);
    expect(index.summary('a')).toMatchObject({ latestVersion: '2.0.0', versionCount: 4 });
  });

  it('skips a broken entry with a warning that names it, not the whole index', () => {
    const index = openIndex(
      doc(
        '  good:\n  - name: good\n    version: 1.0.0\n' +
          '  broken:\n  - name: broken\n    description: no version here\n  - just a string\n  - name: ../../evil\n    version: 6.6.6\n  - name: broken\n    version: 2.0.0\n    type: plugin\n  - name: broken\n    version: 1.0.0\n' +
          '  nothing:\n  weird: 42\n',
      ),
    );
    expect(index.chartNames()).toEqual(['broken', 'good']);
    expect(index.detail('broken')?.versions.map((v) => v.version)).toEqual(['1.0.0']);
    const messages = index.info().warnings.map((w) => w.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/"broken" has an entry without a version/),
        expect.stringMatching(/Entry #2 of chart "broken" is not a mapping/),
        expect.stringMatching(/"broken" version 6\.6\.6 has an invalid name/),
        expect.stringMatching(/"broken" version 2\.0\.0 has an unknown type "plugin"/),
        expect.stringMatching(/"nothing" has no version list/),
        expect.stringMatching(/"weird" has a version list that is not a list/),
      ]),
    );
    expect(index.info().warnings.find((w) => w.message.includes('6.6.6'))).toMatchObject({ chart: 'broken', version: '6.6.6', line: 10 });
  });

  it('picks the newest stable version for the summary when pre-releases are newer', () => {
    const index = openIndex(doc('  a:\n  - name: a\n    version: 2.0.0-rc.1\n    description: next\n  - name: a\n    version: 1.5.0\n    description: stable\n'));
    expect(index.summary('a')).toMatchObject({ latestVersion: '1.5.0', description: 'stable' });
    const nightly = openIndex(readIndexFile('newrelic-nightly.yaml'));
    const first = nightly.list().items[0];
    expect(first?.latestVersion).toBe(nightly.detail(first?.name ?? '')?.versions[0]?.version);
  });

  it('reads an index that has no apiVersion at all, with a warning', () => {
    const index = openIndex('entries:\n  a:\n  - name: a\n    version: 1.0.0\n');
    expect(index.info().warnings[0]?.message).toMatch(/no apiVersion/);
    expect(index.chartNames()).toEqual(['a']);
  });

  it('reads a byte order mark and Windows line ends like the plain file', () => {
    const plain = readIndexFile('helm-td-chartmuseum-index.yaml');
    const expected = everything(openIndex(plain));
    expect(everything(openIndex(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain])))).toEqual(expected);
    const crlf = openIndex(Buffer.from(plain.toString('utf8').replace(/\n/g, '\r\n')));
    expect(everything(crlf)).toEqual(expected);
  });
});
