/** Handlers for chart indexes, chart versions, values diffs, icons and ChartMuseum push/delete. */
import type { CoreContext } from '../context';
import type { Handlers } from '../dispatch';
import { printableName } from '../charts/chart-entry-path';
import { ChartDeskError } from '../errors';

type ChartMethods = 'openIndex' | 'listCharts' | 'searchCharts' | 'getChart' | 'openChartVersion' | 'diffValues' | 'pushChart' | 'deleteChartVersion' | 'chartIcon';

/** Decodes the pushed file: plain base64, or a data: URL as FileReader.readAsDataURL gives it. */
export function decodePackageBase64(text: string): Buffer {
  const body = text.replace(/^data:[^,]{0,200};base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 === 1) {
    throw new ChartDeskError('bad-request', 'push', 'The file content did not arrive as base64.');
  }
  return Buffer.from(body, 'base64');
}

/** Puts the file name in front of a complaint about the package itself, so the user knows which file. */
function namingFile(error: unknown, fileName: string): unknown {
  if (!(error instanceof ChartDeskError) || (error.step !== 'read-archive' && error.step !== 'read-chart')) return error;
  return new ChartDeskError(error.kind, error.step, `${printableName(fileName)}: ${error.message}`, error.hint === undefined ? { cause: error } : { hint: error.hint, cause: error });
}

/** The chart handlers over the context's chart services. */
export function chartHandlers(ctx: CoreContext): Pick<Handlers, ChartMethods> {
  const { charts } = ctx;
  const indexOf = async (repoId: string) => (await charts.sessions.loaded(repoId)).index;
  return {
    openIndex: ({ repoId, refresh }) => charts.sessions.open(repoId, refresh),
    listCharts: async ({ repoId, offset, limit }) => (await indexOf(repoId)).list({ offset, limit }),
    searchCharts: async ({ repoId, query, limit }) => (await indexOf(repoId)).search(query, limit),
    async getChart({ repoId, name }) {
      const detail = (await indexOf(repoId)).detail(name);
      if (!detail) throw new ChartDeskError('not-found', 'get-chart', `The index has no chart called ${name}.`);
      return detail;
    },
    openChartVersion: ({ repoId, name, version }) => charts.versions.open(repoId, name, version),
    diffValues: ({ repoId, name, from, to }) => charts.versions.diffValues(repoId, name, from, to),
    async pushChart({ repoId, fileName, contentBase64, force, signWith, passphrase, keepPassphrase }) {
      try {
        const bytes = decodePackageBase64(contentBase64);
        const signed = signWith ? await ctx.provenance.signPackage(signWith, bytes, { ...(passphrase !== undefined ? { passphrase } : {}), keepPassphrase }) : undefined;
        const result = await charts.publisher.push(repoId, bytes, force, signed?.provenance);
        return signed ? { ...result, signedBy: { fingerprint: signed.signer.fingerprint, userId: signed.signer.userId } } : result;
      } catch (error) {
        throw namingFile(error, fileName);
      }
    },
    deleteChartVersion: ({ repoId, name, version }) => charts.publisher.remove(repoId, name, version),
    chartIcon: ({ repoId, name }) => charts.icon(repoId, name),
  };
}
