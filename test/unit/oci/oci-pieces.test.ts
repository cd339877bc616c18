/** The pure parts of OCI support: locations and references, tags, pagination links, manifests, Helm's config and annotations, auth files. */
import { describe, expect, it } from 'vitest';
import { helmConfigJson } from '../../../electron/core/oci/chart-config';
import { helmAnnotations, helmManifestBytes, rfc3339Utc } from '../../../electron/core/oci/helm-manifest';
import { nextPageUrl } from '../../../electron/core/oci/link-next';
import { parseManifest } from '../../../electron/core/oci/manifest';
import { chartNameUnder, formatOciLocation, isLoopbackHost, looksLikeOciLocation, parseOciChartReference, parseOciLocation, tagOfVersion, versionOfTag } from '../../../electron/core/oci/oci-location';
import { parseAuthFile } from '../../../electron/core/oci/registry-auth-file';
import { credHelpersKeyOf, locationOfServer, registryHostOfServer } from '../../../electron/core/oci/registry-server';
import { ociInstallCommands, ociRepoCommands } from '../../../electron/core/oci/oci-commands';
import type { RepoView } from '../../../electron/core/store/repo-service';
import { sortTags } from '../../../electron/core/oci/registry-tags';
import { normalizeRepoLocation } from '../../../electron/core/store/repo-url';

describe('OCI locations and chart references', () => {
  it('normalises what users type: scheme optional, host lower-cased, trailing slash dropped', () => {
    expect(normalizeRepoLocation('GHCR.io/org/charts/')).toEqual({ kind: 'oci', url: 'oci://ghcr.io/org/charts' });
  });

  it('keeps http(s) repos as they were and tells registries apart', () => {
    expect(normalizeRepoLocation('https://charts.example.com/org/index.yaml')).toEqual({ kind: 'http', url: 'https://charts.example.com/org' });
    expect(normalizeRepoLocation('oci://LOCALHOST:5000/charts/')).toEqual({ kind: 'oci', url: 'oci://localhost:5000/charts' });
    expect(normalizeRepoLocation('registry-1.docker.io/bitnamicharts')).toEqual({ kind: 'oci', url: 'oci://registry-1.docker.io/bitnamicharts' });
    expect(looksLikeOciLocation('my-repo')).toBe(false);
    expect(looksLikeOciLocation('cm://host/x')).toBe(false);
  });

  it('refuses user info, queries and names the distribution spec does not allow', () => {
    expect(() => parseOciLocation('oci://user:pw@ghcr.io/org')).toThrow(/must not contain a user name or password/);
    expect(() => parseOciLocation('oci://ghcr.io/org?x=1')).toThrow(/no query string/);
    expect(() => parseOciLocation('oci://ghcr.io/Org')).toThrow(/not a valid registry namespace/);
    expect(() => parseOciLocation('oci://ghcr.io/a//b')).toThrow(/not a valid registry namespace/);
  });

  it('reads chart references with tags and digests, and names charts under a location', () => {
    expect(parseOciChartReference('oci://localhost:5000/team/charts/app:1.2.3+build.1')).toEqual({ host: 'localhost:5000', namespace: 'team/charts', chart: 'app', tag: '1.2.3+build.1' });
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(parseOciChartReference(`ghcr.io/o/app@${digest}`)).toEqual({ host: 'ghcr.io', namespace: 'o', chart: 'app', digest });
    const location = parseOciLocation('oci://ghcr.io/o');
    expect(chartNameUnder(location, 'oci://ghcr.io/o/sub/app')).toBe('sub/app');
    expect(chartNameUnder(location, 'app')).toBe('app');
    expect(() => chartNameUnder(location, 'oci://ghcr.io/other/app')).toThrow(/is not in this repo/);
    expect(formatOciLocation({ host: 'h:1', namespace: '' })).toBe('oci://h:1');
  });

  it('maps + and _ as Helm does, and knows loopback hosts', () => {
    expect(tagOfVersion('1.0.0+meta.1')).toBe('1.0.0_meta.1');
    expect(versionOfTag('1.0.0_meta.1')).toBe('1.0.0+meta.1');
    expect(['localhost:5000', '127.0.0.1', '[::1]:5000', 'registry.localhost'].map(isLoopbackHost)).toEqual([true, true, true, true]);
    expect(isLoopbackHost('ghcr.io')).toBe(false);
  });
});

describe('tags', () => {
  it('orders version tags as Helm does and keeps the rest apart', () => {
    const tags = sortTags(['latest', '1.0.0', '1.10.0', '1.2.0', '2.0.0-rc.10', '2.0.0-rc.9', 'sha256-abc.sig', '1.0.0_build.2', 'v1.0.0', '1.0']);
    expect(tags.versions.map((v) => v.version)).toEqual(['2.0.0-rc.10', '2.0.0-rc.9', '1.10.0', '1.2.0', '1.0.0', '1.0.0+build.2']);
    expect(tags.versions[tags.latest]?.version).toBe('1.10.0');
    expect(tags.others).toEqual(['1.0', 'latest', 'sha256-abc.sig', 'v1.0.0']);
  });
});

describe('pagination links', () => {
  it('follows rel="next" on the same registry and refuses another host', () => {
    expect(nextPageUrl('</v2/_catalog?last=b&n=2>; rel="next"', 'http://r:5000/v2/_catalog?n=2')).toBe('http://r:5000/v2/_catalog?last=b&n=2');
    expect(nextPageUrl('<http://r:5000/v2/x/tags/list?last=1>; rel="prev"', 'http://r:5000/v2/x/tags/list')).toBeUndefined();
    expect(() => nextPageUrl('<https://evil.example/v2/_catalog>; rel="next"', 'https://r.example/v2/_catalog')).toThrow(/another host/);
  });
});

describe('manifests', () => {
  it('reads OCI and Docker manifests and indexes, and refuses schema 1 and garbage', () => {
    const d = { mediaType: 'application/vnd.cncf.helm.config.v1+json', digest: `sha256:${'b'.repeat(64)}`, size: 10 };
    expect(parseManifest(Buffer.from(JSON.stringify({ schemaVersion: 2, config: d, layers: [] })), 'application/vnd.oci.image.manifest.v1+json', 'x')).toMatchObject({ kind: 'manifest', config: d });
    expect(parseManifest(Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: [d] })), 'application/vnd.oci.image.index.v1+json', 'x')).toMatchObject({ kind: 'index' });
    expect(() => parseManifest(Buffer.from('{"schemaVersion":1,"fsLayers":[]}'), '', 'x')).toThrow(/schema 1/);
    expect(() => parseManifest(Buffer.from('<html>'), '', 'x')).toThrow(/not JSON/);
  });
});

describe('what a push writes, as Helm writes it', () => {
  const chartYaml = 'apiVersion: v2\nname: app\nversion: 1.0.0\ndescription: An app\nhome: https://example.com\nsources:\n  - https://git.example/app\nmaintainers:\n  - name: Ann\n    email: ann@example.com\n  - name: Bob\ndeprecated: false\nannotations:\n  b: "2"\n  a: "1"\n  org.opencontainers.image.title: ignored\ndependencies:\n  - name: db\n    version: 1.x\n    repository: oci://r/db\n    enabled: true\ntype: application\n';

  it('marshals Chart.yaml into the config in chart.Metadata field order, leaving empty fields out', () => {
    const config = helmConfigJson(chartYaml).toString();
    expect(config).toBe(
      '{"name":"app","home":"https://example.com","sources":["https://git.example/app"],"version":"1.0.0","description":"An app","maintainers":[{"name":"Ann","email":"ann@example.com"},{"name":"Bob"}],"apiVersion":"v2","annotations":{"a":"1","b":"2","org.opencontainers.image.title":"ignored"},"dependencies":[{"name":"db","version":"1.x","repository":"oci://r/db","enabled":true}],"type":"application"}',
    );
  });

  it('annotates the manifest from Chart.yaml, keeping title and version its own', () => {
    const annotations = helmAnnotations(helmConfigJson(chartYaml), rfc3339Utc(Date.UTC(2024, 0, 2, 3, 4, 5, 678)));
    expect(annotations).toEqual({
      'org.opencontainers.image.description': 'An app',
      'org.opencontainers.image.title': 'app',
      'org.opencontainers.image.version': '1.0.0',
      'org.opencontainers.image.url': 'https://example.com',
      'org.opencontainers.image.created': '2024-01-02T03:04:05Z',
      'org.opencontainers.image.source': 'https://git.example/app',
      'org.opencontainers.image.authors': 'Ann (ann@example.com), Bob',
      a: '1',
      b: '2',
    });
    const config = { mediaType: 'c', digest: 'sha256:c', size: 1 };
    const layers = [{ mediaType: 'l2', digest: 'sha256:f', size: 2 }, { mediaType: 'l1', digest: 'sha256:a', size: 3 }];
    expect(helmManifestBytes(config, layers, { z: '1', a: '2' }).toString()).toBe(
      '{"schemaVersion":2,"config":{"mediaType":"c","digest":"sha256:c","size":1},"layers":[{"mediaType":"l1","digest":"sha256:a","size":3},{"mediaType":"l2","digest":"sha256:f","size":2}],"annotations":{"a":"2","z":"1"}}',
    );
  });
});

describe('registry auth files', () => {
  it('follows Docker’s order: a credHelper, then credsStore, then the file’s own auth', () => {
    const content = parseAuthFile({
      auths: { 'a.io': { auth: Buffer.from('u:p').toString('base64') }, 'b.io': { auth: Buffer.from('x:y').toString('base64') }, 'c.io': {} },
      credHelpers: { 'b.io': 'pass', 'd.io': 'gcloud' },
    });
    expect(content.entries).toEqual([
      { server: 'a.io', username: 'u', password: 'p' },
      { server: 'b.io', helper: 'pass' },
      { server: 'c.io', problem: 'It holds no credential and names no credential helper.' },
      { server: 'd.io', helper: 'gcloud' },
    ]);
    expect(parseAuthFile({ auths: { 'c.io': {} }, credsStore: 'desktop' }).entries).toEqual([{ server: 'c.io', helper: 'desktop' }]);
  });

  it('maps server keys to registry locations, Docker Hub’s legacy key included', () => {
    expect(locationOfServer('https://index.docker.io/v1/')).toBe('oci://registry-1.docker.io');
    expect(locationOfServer('docker.io')).toBe('oci://registry-1.docker.io');
    expect(locationOfServer('quay.io/team')).toBe('oci://quay.io/team');
    expect(locationOfServer('https://ghcr.io')).toBe('oci://ghcr.io');
  });
});

describe('helm commands for a registry repo', () => {
  const repo = (auth: RepoView['auth']): RepoView => ({ id: 'r', name: 'team charts', kind: 'oci', url: 'oci://registry.example.com:5000/team', charts: ['app'], auth, tls: { insecureSkipVerify: false }, passCredentialsAll: false, hasSecret: true });

  it('says which Helm it is for and logs in by host alone, as Helm 4 requires', () => {
    const out = ociRepoCommands(repo({ mode: 'basic', username: 'alice', dialect: 'auto' }));
    expect(out.helm).toBe('Helm 3.8 or later, and Helm 4');
    const lines = out.script.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^# For Helm 3\.8 or later, and Helm 4\./);
    expect(lines).toContain('helm registry login registry.example.com:5000 --username alice --password-stdin');
    expect(lines).toContain("# Or let helm read the login from ChartDesk’s keychain, without typing it: chartdesk repos use-helper 'team charts'");
    expect(lines).toContain('helm pull oci://registry.example.com:5000/team/app --version 1.0.0');
  });

  it('points a token login at the credential helper, since helm registry login takes only a password', () => {
    const install = ociInstallCommands(repo({ mode: 'identity-token', dialect: 'C' }), 'app', '1.0.0');
    expect(install.note).toMatch(/chartdesk repos use-helper/);
    expect(ociRepoCommands(repo({ mode: 'none', dialect: 'auto' })).script).not.toContain('use-helper');
  });
});

describe('registry server addresses', () => {
  it('names the host tools look credHelpers up by', () => {
    expect(registryHostOfServer('https://index.docker.io/v1/')).toBe('registry-1.docker.io');
    expect(registryHostOfServer('http://LOCALHOST:5002/v2/')).toBe('localhost:5002');
    expect(credHelpersKeyOf('registry-1.docker.io')).toBe('index.docker.io');
    expect(credHelpersKeyOf('ghcr.io')).toBe('ghcr.io');
    expect(() => registryHostOfServer('not a host at all')).toThrow();
  });
});
