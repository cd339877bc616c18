/** Handlers for charts of any repo kind: open, list, search, detail, versions, values diffs, icons, push, delete, manifests. */
import type { CoreContext } from '../context';
import type { Handlers } from '../dispatch';
import { printableName } from '../charts/chart-entry-path';
import { ChartDeskError } from '../errors';

type ChartMethods = 'openIndex' | 'listCharts' | 'searchCharts' | 'getChart' | 'openChartVersion' | 'diffValues' | 'pushChart' | 'deleteChartVersion' | 'chartIcon' | 'getManifest';

/** Decodes a file sent as text: plain base64, or a data: URL as FileReader.readAsDataURL gives it. */
export function decodePackageBase64(text: string, what = 'The file content'): Buffer {
  const body = text.replace(/^data:[^,]{0,200};base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 === 1) {
    throw new ChartDeskError('bad-request', 'push', `${what} did not arrive as base64.`);
  }
  return Buffer.from(body, 'base64');
}

/** Puts the file name in front of a complaint about the package itself, so the user knows which file. */
function namingFile(error: unknown, fileName: string): unknown {
  if (!(error instanceof ChartDeskError) || (error.step !== 'read-archive' && error.step !== 'read-chart')) return error;
  return new ChartDeskError(error.kind, error.step, `${printableName(fileName)}: ${error.message}`, error.hint === undefined ? { cause: error } : { hint: error.hint, cause: error });
}

/** The chart handlers over the context's chart sources. */
export function chartHandlers(ctx: CoreContext): Pick<Handlers, ChartMethods> {
  const { charts } = ctx;
  const source = (repoId: string) => charts.sources.forRepo(repoId);
  return {
    openIndex: async ({ repoId, refresh }) => (await source(repoId)).open(refresh),
    listCharts: async ({ repoId, offset, limit }) => (await source(repoId)).list({ offset, limit }),
    searchCharts: async ({ repoId, query, limit }) => (await source(repoId)).search(query, limit),
    getChart: async ({ repoId, name, limit, detailed }) => (await source(repoId)).detail(name, { limit, detailed }),
    openChartVersion: ({ repoId, name, version }) => charts.versions.open(repoId, name, version),
    diffValues: ({ repoId, name, from, to }) => charts.versions.diffValues(repoId, name, from, to),
    async pushChart({ repoId, fileName, contentBase64, force, provBase64, signWith, passphrase, keepPassphrase }) {
      try {
        const bytes = decodePackageBase64(contentBase64);
        // A .prov comes from the user's file, or is made here by signing with a key of the vault (helm package --sign).
        const signed = signWith ? await ctx.provenance.signPackage(signWith, bytes, { ...(passphrase !== undefined ? { passphrase } : {}), keepPassphrase }) : undefined;
        const prov = signed ? Buffer.from(signed.provenance, 'utf8') : provBase64 === undefined ? undefined : decodePackageBase64(provBase64, 'The provenance file');
        const result = await (await source(repoId)).push(bytes, { force, ...(prov ? { prov } : {}) });
        return signed ? { ...result, signedBy: { fingerprint: signed.signer.fingerprint, userId: signed.signer.userId } } : result;
      } catch (error) {
        throw namingFile(error, fileName);
      }
    },
    deleteChartVersion: async ({ repoId, name, version }) => (await source(repoId)).remove(name, version),
    chartIcon: async ({ repoId, name }) => (await source(repoId)).icon(name),
    async getManifest({ repoId, name, version }) {
      const found = await source(repoId);
      if (!found.manifest) throw new ChartDeskError('bad-request', 'manifest', `${found.repo.name} is a chart repo with an index.yaml; only OCI registries store charts as manifests.`);
      return found.manifest(name, version);
    },
  };
}
